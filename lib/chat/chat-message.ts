import type { UIMessage } from "ai";
import type { MessageMetadata } from "./metadata";

/** A chat message as the page and the API exchange it: AI SDK parts plus our metadata. */
export type ChatMessage = UIMessage<MessageMetadata>;

/**
 * The messages with the answer `answerId` marked as stopped: the tab that presses Stop cuts its own stream
 * at once, before the server's word that the answer stopped can reach it.
 */
export function withAnswerStopped(messages: ChatMessage[], answerId: string): ChatMessage[] {
  return messages.map((message) =>
    message.id === answerId && message.role === "assistant"
      ? { ...message, metadata: { ...message.metadata, state: "stopped" } }
      : message,
  );
}
