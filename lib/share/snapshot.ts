import { z } from "zod";
import { messageMetadataSchema } from "@/lib/chat/metadata";
import type { StoredMessage } from "@/lib/db";

const ms = z.number().nonnegative();

/** The latency figures a shared answer keeps: what the reader can compare, nothing about the server. */
const figuresSchema = z.object({
  ttftMs: ms.optional(),
  thinkingMs: ms.optional(),
  answeringMs: ms.optional(),
  completionTokens: z.number().nonnegative().optional(),
});

const sharedQuestionSchema = z.object({ role: z.literal("user"), text: z.string() });

const sharedAnswerSchema = z.object({
  role: z.literal("assistant"),
  reasoning: z.string(),
  answer: z.string(),
  model: z.string().optional(),
  state: z.enum(["complete", "streaming", "stopped", "error", "interrupted"]),
  figures: figuresSchema,
});

/**
 * A conversation as shared. It holds only what the page shows: no ids, no owner, no applied rules, no
 * sampling settings, no error details.
 */
export const shareSnapshotSchema = z.object({
  version: z.literal(1),
  messages: z.array(z.discriminatedUnion("role", [sharedQuestionSchema, sharedAnswerSchema])),
});

export type ShareSnapshot = z.infer<typeof shareSnapshotSchema>;
export type SharedMessage = ShareSnapshot["messages"][number];
export type SharedAnswer = z.infer<typeof sharedAnswerSchema>;
export type AnswerFigures = z.infer<typeof figuresSchema>;

export function takeSnapshot(messages: StoredMessage[]): ShareSnapshot {
  return { version: 1, messages: messages.map(toSharedMessage) };
}

function toSharedMessage(message: StoredMessage): SharedMessage {
  if (message.role === "user") return { role: "user", text: partsText(message.parts, "text") };
  const metadata = messageMetadataSchema.safeParse(message.metadata ?? {});
  const { model, bffTiming, usage } = metadata.success ? metadata.data : {};
  return {
    role: "assistant",
    reasoning: partsText(message.parts, "reasoning"),
    answer: partsText(message.parts, "text"),
    model,
    state: message.state,
    figures: {
      ttftMs: bffTiming?.ttftMs,
      thinkingMs: bffTiming?.phases.thinkingMs,
      answeringMs: bffTiming?.phases.answeringMs,
      completionTokens: usage?.completionTokens,
    },
  };
}

function partsText(parts: unknown[], type: "text" | "reasoning"): string {
  return parts
    .map((part) => {
      const candidate = part as { type?: unknown; text?: unknown };
      return candidate.type === type && typeof candidate.text === "string" ? candidate.text : "";
    })
    .join("");
}

/** The first question, for a link preview the owner allowed to quote it. */
export function firstQuestion(snapshot: ShareSnapshot): string | undefined {
  return snapshot.messages.find((message) => message.role === "user")?.text;
}

/** The models that answered, in order of first appearance. */
export function answeringModels(snapshot: ShareSnapshot): string[] {
  const models = snapshot.messages.flatMap((message) =>
    message.role === "assistant" && message.model ? [message.model] : [],
  );
  return [...new Set(models)];
}
