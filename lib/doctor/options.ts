import { z } from "zod";

export const DEFAULT_BURST = 8;
export const DEFAULT_TIMEOUT_MS = 60_000;

export const doctorOptionsSchema = z.object({
  /** The OpenAI base URL, e.g. http://host:8000/v1; /health, /version and /metrics live beside /v1. */
  baseURL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://127.0.0.1:8000/v1" })
    .transform((url) => url.replace(/\/+$/, "")),
  apiKey: z.string().min(1).optional(),
  /** Served model to probe; the first one /v1/models lists when absent. */
  model: z.string().min(1).optional(),
  /** Concurrent short requests in the burst check. */
  burst: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(32, "must be at most 32")
    .default(DEFAULT_BURST),
  /** Upper bound for the whole run; checks still pending when it passes are reported as not run. */
  timeoutMs: z
    .number()
    .min(1_000, "must be at least 1 s")
    .max(600_000, "must be at most 600 s")
    .default(DEFAULT_TIMEOUT_MS),
});

export type DoctorOptions = z.input<typeof doctorOptionsSchema> & { signal?: AbortSignal };
export type ResolvedDoctorOptions = z.output<typeof doctorOptionsSchema>;
