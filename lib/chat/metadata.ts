import { z } from "zod";

/** Per-message facts the BFF sends with an answer; validated again in the browser. */
export const appliedRuleSchema = z.object({ id: z.string(), detail: z.string() });

export const bffTimingSchema = z.object({
  /** BFF clock: from receiving the request to the first reasoning or answer token from the upstream. */
  ttftMs: z.number().nonnegative().optional(),
  /** From the first reasoning token to the first answer token. */
  reasoningMs: z.number().nonnegative().optional(),
  /** From the first answer token to the end of the stream. */
  answerMs: z.number().nonnegative().optional(),
  totalMs: z.number().nonnegative(),
});

export const messageMetadataSchema = z.object({
  model: z.string().optional(),
  simulated: z.boolean().optional(),
  rules: z.array(appliedRuleSchema).optional(),
  sampling: z.object({ temperature: z.number(), topP: z.number(), maxTokens: z.number() }).optional(),
  timing: bffTimingSchema.optional(),
  usage: z
    .object({ promptTokens: z.number().optional(), completionTokens: z.number().optional() })
    .optional(),
  finishReason: z.string().optional(),
  /** How a stored answer ended; absent while it streams live. */
  state: z.enum(["complete", "streaming", "stopped", "error", "interrupted"]).optional(),
  error: z.string().nullable().optional(),
});

export type MessageMetadata = z.infer<typeof messageMetadataSchema>;
