import { z } from "zod";
import { faultSpecSchema } from "./faults";
import { scriptedResponseSchema } from "./scripted-response";
import { VERSION_PATTERN } from "./versions";

export const DEFAULT_MODEL = "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B";

const nonNegative = z.number().nonnegative();
const positiveInt = z.number().int().positive();

/**
 * Simulator settings. Defaults approximate a single small GPU serving the 1.5B distill
 * (protocol reference §8: ~5 ms ITL, tens of ms TTFT for short prompts).
 */
export const simOptionsObjectSchema = z.strictObject({
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free ephemeral port. */
  port: z.number().int().min(0).max(65535).default(0),
  /** `--model`: the HF id reported as `root` in /v1/models. */
  model: z.string().min(1).default(DEFAULT_MODEL),
  /** `--served-model-name`: the id clients must send and that chunks report; defaults to `model`. */
  servedModelName: z.string().min(1).optional(),
  maxModelLen: positiveInt.default(131072),
  /** `--reasoning-parser deepseek_r1`; false sends the raw text (with a literal `</think>`) as content. */
  reasoningParser: z.boolean().default(true),
  /**
   * The chat template ends the prompt with `<｜Assistant｜><think>\n` (DeepSeek's template since
   * 2025-02-09); false emulates the original template, after which the model writes `<think>\n` itself.
   */
  templateAddsThink: z.boolean().default(true),
  /**
   * `--generation-config auto` (vLLM ≥ 0.8): an omitted temperature/top_p takes the model's
   * generation_config.json values (0.6/0.95); false emulates `--generation-config vllm` (1.0/1.0).
   */
  generationConfigDefaults: z.boolean().default(true),
  /** vLLM release whose wire details to reproduce. */
  emulateVersion: z.string().regex(VERSION_PATTERN, "expected a version like 0.16.0").default("0.16.0"),
  /** `--api-key`: require `Authorization: Bearer <key>` on /v1 routes. */
  apiKey: z.string().min(1).optional(),
  /** `--max-num-seqs`: requests decoded together; the rest wait in a FIFO queue. */
  maxNumSeqs: positiveInt.default(64),
  /** KV cache size in tokens, the denominator of vllm:kv_cache_usage_perc. */
  kvCacheCapacityTokens: positiveInt.default(600_000),
  /** Time from admission to the first token for an empty prompt. */
  ttftMs: nonNegative.default(25),
  /** Extra time to first token per 1000 prompt tokens. */
  prefillMsPerKToken: nonNegative.default(4),
  /** Time between tokens with a batch of one. */
  itlMs: nonNegative.default(5),
  /** Added to every inter-token gap per other running request (batching slows decode). */
  itlGrowthPerRunning: nonNegative.default(0.05),
  /** `--stream-interval`: tokens per streamed chunk. */
  streamInterval: positiveInt.default(1),
  /** Each delay is scaled by a seeded random factor in [1 - jitter, 1 + jitter]. */
  jitter: z.number().min(0).max(1).default(0),
  /** Seeds text and timing randomness; a request's `seed` field overrides it for the text. */
  seed: z.number().int().default(0),
  /** Approximate length of the reasoning trace; the answer adds roughly 60–150 tokens. */
  reasoningTokens: z.number().int().nonnegative().default(160),
  /** Faults applied to every request that has no `x-sim-fault` header. */
  defaultFault: faultSpecSchema.optional(),
  /** `--sse-keep-alive-interval`: `: keep-alive` comment after this much stream idleness; 0 = off. */
  keepAliveIntervalMs: nonNegative.default(0),
  /** Every request gets this reply instead of a composed one (CLI: `--scripted-response-file <json>`). */
  scriptedResponse: scriptedResponseSchema.optional(),
});

export const simOptionsSchema = simOptionsObjectSchema.transform((options) => ({
  ...options,
  servedModelName: options.servedModelName ?? options.model,
}));

export type SimOptions = z.infer<typeof simOptionsSchema>;
export type SimOptionsInput = z.input<typeof simOptionsSchema>;
