import { z } from "zod";

/** Per-message facts the BFF sends with an answer; validated again in the browser. */
export const appliedRuleSchema = z.object({ id: z.string(), detail: z.string() });

const ms = z.number().nonnegative();

/** A TimingSnapshot (lib/timing) as it travels: validated in the browser like any upstream data. */
export const timingSnapshotSchema = z.object({
  clock: z.enum(["bff", "browser"]),
  ttftMs: ms.optional(),
  phases: z.object({ waitingMs: ms, thinkingMs: ms.optional(), answeringMs: ms.optional() }),
  chunks: z.object({ reasoning: z.number().int().nonnegative(), answer: z.number().int().nonnegative() }),
  gaps: z.object({
    count: z.number().int().nonnegative(),
    p50Ms: ms.optional(),
    p95Ms: ms.optional(),
    maxMs: ms.optional(),
  }),
  stalls: z.object({ count: z.number().int().nonnegative(), longestMs: ms, thresholdMs: ms }),
  recentGapsMs: z.array(ms).max(1_000),
  ended: z.boolean(),
});

export const browserTimingSchema = timingSnapshotSchema.extend({
  clock: z.literal("browser"),
  reads: z.number().int().nonnegative(),
  resumed: z.boolean(),
});

export const messageMetadataSchema = z.object({
  model: z.string().optional(),
  simulated: z.boolean().optional(),
  rules: z.array(appliedRuleSchema).optional(),
  sampling: z.object({ temperature: z.number(), topP: z.number(), maxTokens: z.number() }).optional(),
  /** Upstream events as the BFF saw them, on the BFF's clock; updated while the answer streams. */
  bffTiming: timingSnapshotSchema.optional(),
  /** Arrivals as the browser that asked saw them, on its own clock; sent back and stored after the answer. */
  browserTiming: browserTimingSchema.optional(),
  usage: z
    .object({
      promptTokens: z.number().optional(),
      completionTokens: z.number().optional(),
      reasoningTokens: z.number().optional(),
    })
    .optional(),
  finishReason: z.string().optional(),
  /** How a stored answer ended; absent while it streams live. */
  state: z.enum(["complete", "streaming", "stopped", "error", "interrupted"]).optional(),
  error: z.string().nullable().optional(),
});

export type MessageMetadata = z.infer<typeof messageMetadataSchema>;
