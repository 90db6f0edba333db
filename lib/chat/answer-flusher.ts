import "server-only";
import { setImmediate as nextLoopTurn } from "node:timers/promises";
import type { ChatStore, MessageUpdate } from "@/lib/db";

/** A streaming answer is written at most this often: per-token writes would put storage on the hot path. */
export const FLUSH_INTERVAL_MS = 1_000;

/**
 * Answers per transaction. SQLite's driver is synchronous, so a batch holds the event loop while it is
 * written: 500 long answers in one transaction take 50 ms or more (`npm run bench:flush`), a gap every
 * stream would feel. Slices of this size, with the loop free between them, keep each hold short.
 */
export const FLUSH_SLICE_SIZE = 50;

/** An answer with changes not yet stored; asked for its current state when the batch is written. */
export interface PendingAnswer {
  snapshot(): MessageUpdate;
}

/**
 * The streaming answers' saves, gathered every FLUSH_INTERVAL_MS into transactions of FLUSH_SLICE_SIZE
 * answers: with a hundred answers streaming that is two commits a second instead of a hundred, and an
 * answer's parts are copied once per flush, not once per token. A crash loses at most the last interval of
 * any answer.
 */
export class AnswerFlusher {
  private readonly pending = new Set<PendingAnswer>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly store: ChatStore) {}

  /** Queues the answer for the next batch (once, however often it changes meanwhile). */
  queue(answer: PendingAnswer): void {
    this.pending.add(answer);
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  /** Takes the answer out of the next batch; resolves once a batch already being written is stored. */
  withdraw(answer: PendingAnswer): Promise<void> {
    this.pending.delete(answer);
    return this.writing;
  }

  private flush(): void {
    this.timer = undefined;
    const updates = [...this.pending].map((answer) => answer.snapshot());
    this.pending.clear();
    if (updates.length === 0) return;
    this.writing = this.writing
      .then(() => this.write(updates))
      .catch((failure: unknown) => console.error("[r1-chat] could not store the streaming answers", failure));
  }

  private async write(updates: MessageUpdate[]): Promise<void> {
    for (let start = 0; start < updates.length; start += FLUSH_SLICE_SIZE) {
      if (start > 0) await nextLoopTurn();
      await this.store.updateMessages(updates.slice(start, start + FLUSH_SLICE_SIZE));
    }
  }
}

const flushers = new WeakMap<ChatStore, AnswerFlusher>();

/** One flusher per store, shared by every answer streaming into it. */
export function answerFlusher(store: ChatStore): AnswerFlusher {
  let flusher = flushers.get(store);
  if (!flusher) {
    flusher = new AnswerFlusher(store);
    flushers.set(store, flusher);
  }
  return flusher;
}
