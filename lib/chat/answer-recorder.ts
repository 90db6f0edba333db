import "server-only";
import type { UIMessageChunk } from "ai";
import type { ChatStore, MessageState, MessageUpdate } from "@/lib/db";
import { answerFlusher, type PendingAnswer } from "./answer-flusher";

interface RecordTarget {
  store: ChatStore;
  ownerId: string;
  conversationId: string;
  messageId: string;
}

type StoredPart =
  | { type: "step-start" }
  | {
      type: "text" | "reasoning";
      /** Reasoning parts keep their stream id, as the AI SDK's do. */
      id?: string;
      text: string;
      state: "streaming" | "done";
      providerMetadata?: unknown;
    };

type Metadata = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Metadata =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Later metadata overrides earlier, object by object, as the AI SDK merges message metadata. */
function mergeMetadata(base: Metadata | undefined, update: unknown): Metadata | undefined {
  if (!isPlainObject(update)) return base;
  const merged: Metadata = { ...base };
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? mergeMetadata(current, value) : value;
  }
  return merged;
}

/**
 * Stores an answer as it streams (in batches with the other streaming answers, see AnswerFlusher), and
 * finally with how it ended: complete, stopped or error. It is told each chunk as the answer passes by (no
 * copy of the stream, no message rebuilt per token): deltas are appended to the open part.
 * The parts are those the AI SDK's readUIMessageStream builds from the same chunks.
 * Storage failures are logged, never allowed to break the stream the user is watching.
 */
export class AnswerRecorder implements PendingAnswer {
  private readonly parts: StoredPart[] = [];
  private readonly open = new Map<string, Extract<StoredPart, { text: string }>>();
  private metadata: Metadata | undefined;
  private ending: { state: MessageState; error: string | null } = { state: "complete", error: null };
  private readonly flusher;
  private queued = false;
  private stored: Promise<unknown> = Promise.resolve();
  private finished = false;

  constructor(private readonly target: RecordTarget) {
    this.flusher = answerFlusher(target.store);
  }

  /** Takes one chunk of the answer; cheap, since it runs for every relayed token. */
  readonly observe = (chunk: UIMessageChunk): void => {
    switch (chunk.type) {
      case "reasoning-delta":
      case "text-delta": {
        const part = this.open.get(`${chunk.type === "text-delta" ? "text" : "reasoning"}:${chunk.id}`);
        if (part) part.text += chunk.delta;
        break;
      }
      case "reasoning-start":
      case "text-start": {
        const type = chunk.type === "text-start" ? "text" : "reasoning";
        const part: StoredPart =
          type === "reasoning"
            ? { type, id: chunk.id, text: "", state: "streaming" }
            : { type, text: "", state: "streaming" };
        if (chunk.providerMetadata) part.providerMetadata = chunk.providerMetadata;
        this.parts.push(part);
        this.open.set(`${type}:${chunk.id}`, part);
        break;
      }
      case "reasoning-end":
      case "text-end": {
        const part = this.open.get(`${chunk.type === "text-end" ? "text" : "reasoning"}:${chunk.id}`);
        if (part) {
          part.state = "done";
          if (chunk.providerMetadata) part.providerMetadata = chunk.providerMetadata;
        }
        break;
      }
      case "start-step":
        this.parts.push({ type: "step-start" });
        break;
      case "finish-step":
        this.open.clear();
        break;
      case "start":
      case "finish":
      case "message-metadata":
        this.metadata = mergeMetadata(this.metadata, chunk.messageMetadata);
        break;
      case "error":
        this.ending = { state: "error", error: chunk.errorText };
        break;
      case "abort":
        this.ending = { state: "stopped", error: null };
        break;
    }
    if (this.queued || this.finished || (chunk.type !== "reasoning-delta" && chunk.type !== "text-delta"))
      return;
    this.queued = true;
    this.flusher.queue(this);
  };

  snapshot(): MessageUpdate {
    this.queued = false;
    return this.update("streaming", null);
  }

  /** Writes the answer as it ended; `error` when its stream broke instead of ending. Resolves once stored. */
  finish(error?: unknown): Promise<void> {
    if (!this.finished) {
      this.finished = true;
      if (error !== undefined) {
        this.ending = { state: "error", error: error instanceof Error ? error.message : String(error) };
      }
      const { ownerId, conversationId, messageId, patch } = this.update(this.ending.state, this.ending.error);
      // After any batch that still holds a streaming copy, so the final state is the one that stays.
      this.stored = this.flusher
        .withdraw(this)
        .then(() => this.target.store.updateMessage(ownerId, conversationId, messageId, patch))
        .catch((failure: unknown) => console.error("[r1-chat] could not store the answer", failure));
    }
    return this.stored.then(() => {});
  }

  private update(state: MessageState, error: string | null): MessageUpdate {
    const { ownerId, conversationId, messageId } = this.target;
    return {
      ownerId,
      conversationId,
      messageId,
      patch: {
        parts: this.parts.map((part) => ({ ...part })),
        metadata: this.metadata ?? null,
        state,
        error,
      },
    };
  }
}
