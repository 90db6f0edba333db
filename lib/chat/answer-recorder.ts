import "server-only";
import { readUIMessageStream, type UIMessage, type UIMessageChunk } from "ai";
import type { ChatStore, MessageState } from "@/lib/db";

/** A streaming answer is written at most this often: per-token writes would put storage on the hot path. */
export const FLUSH_INTERVAL_MS = 1_000;

interface RecordTarget {
  store: ChatStore;
  ownerId: string;
  conversationId: string;
  messageId: string;
}

/**
 * Stores an answer as it streams (in batches), and finally with how it ended: complete, stopped or error.
 * Storage failures are logged, never allowed to break the stream the user is watching.
 */
export async function recordAnswer(
  chunks: ReadableStream<UIMessageChunk>,
  target: RecordTarget,
): Promise<void> {
  let ending: { state: MessageState; error: string | null } = { state: "complete", error: null };
  const watched = chunks.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        if (chunk.type === "error") ending = { state: "error", error: chunk.errorText };
        else if (chunk.type === "abort") ending = { state: "stopped", error: null };
        controller.enqueue(chunk);
      },
    }),
  );

  let latest: UIMessage | undefined;
  let lastFlush = Date.now();
  let pending: Promise<unknown> = Promise.resolve();
  const save = (message: UIMessage, state: MessageState, error: string | null) => {
    pending = pending
      .then(() =>
        target.store.updateMessage(target.ownerId, target.conversationId, target.messageId, {
          parts: message.parts,
          metadata: (message.metadata as Record<string, unknown> | undefined) ?? null,
          state,
          error,
        }),
      )
      .catch((error: unknown) => console.error("[r1-chat] could not store the streaming answer", error));
  };

  try {
    for await (const message of readUIMessageStream({ stream: watched })) {
      latest = message;
      if (Date.now() - lastFlush >= FLUSH_INTERVAL_MS) {
        lastFlush = Date.now();
        save(message, "streaming", null);
      }
    }
  } catch (error) {
    ending = { state: "error", error: error instanceof Error ? error.message : String(error) };
  }
  save(latest ?? { id: target.messageId, role: "assistant", parts: [] }, ending.state, ending.error);
  await pending;
}
