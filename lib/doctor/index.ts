/**
 * The deployment doctor: checks a vLLM server for what makes DeepSeek-R1 chats slow or wrong and says
 * how to fix it. Used by `npm run doctor` (scripts/doctor.ts); free of server-only code and of
 * environment reads, so pages can run the same checks.
 */
export { type FormatOptions, formatReport } from "./format-report";
export { DEFAULT_BURST, DEFAULT_TIMEOUT_MS, type DoctorOptions, doctorOptionsSchema } from "./options";
export { runDoctor } from "./run-doctor";
export type {
  BurstLatency,
  DoctorReport,
  Finding,
  FindingId,
  FindingStatus,
  Percentiles,
  StreamLatency,
} from "./types";
