/**
 * A stand-in for `vllm serve deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B --reasoning-parser deepseek_r1`
 * that reproduces vLLM's wire format (see shared/reference/vllm-protocol.md) for tests, demos and
 * load experiments. Start one per test with `startSimServer({ port: 0 })`, or from the shell with
 * `node --import tsx lib/vllm-sim/cli.ts --help`. Faults are injected per request with the
 * `x-sim-fault` header (grammar in `FAULT_GRAMMAR`) or for every request with `defaultFault`.
 */
export { FAULT_GRAMMAR, FAULT_HEADER } from "./faults";
export { DEFAULT_MODEL, type SimOptions, type SimOptionsInput, simOptionsSchema } from "./options";
export { type SimServer, startSimServer } from "./server";
