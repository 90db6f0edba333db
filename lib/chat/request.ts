import { z } from "zod";

const MAX_MESSAGE_CHARS = 32_000;

const textPart = z.object({ type: z.literal("text"), text: z.string().max(MAX_MESSAGE_CHARS * 4) });
const reasoningPart = z.object({ type: z.literal("reasoning"), text: z.string() });
/** Parts we do not use (step markers, sources, files) are accepted and ignored. */
const otherPart = z.looseObject({
  type: z.string().refine((type) => type !== "text" && type !== "reasoning", "unexpected part shape"),
});

const part = z.union([textPart, reasoningPart, otherPart]);

export const uiMessageSchema = z.object({
  id: z.string().max(200),
  role: z.enum(["system", "user", "assistant"]),
  parts: z.array(part).max(500),
  metadata: z.unknown().optional(),
});

export type IncomingMessage = z.infer<typeof uiMessageSchema>;

export const chatOptionsSchema = z.object({
  persona: z.string().max(4_000, "the persona must be at most 4000 characters").optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().max(1_000_000).optional(),
});

export type ChatOptions = z.infer<typeof chatOptionsSchema>;

export function messageText(message: IncomingMessage, type: "text" | "reasoning"): string {
  return message.parts
    .filter((candidate): candidate is { type: typeof type; text: string } => candidate.type === type)
    .map((candidate) => candidate.text)
    .join("");
}

export const limits = { MAX_MESSAGE_CHARS };
