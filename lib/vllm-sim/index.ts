export { FAULT_GRAMMAR, FAULT_HEADER } from "./faults";
export { DEFAULT_MODEL, type SimOptions, type SimOptionsInput, simOptionsSchema } from "./options";
export { type SimServer, startSimServer } from "./server";
