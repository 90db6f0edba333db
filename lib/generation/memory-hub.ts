import type { UIMessageChunk } from "ai";
import {
  type AnswerFeed,
  type ChunkSource,
  type FeedSink,
  type GenerationHub,
  REPLAY_AFTER_END_MS,
} from "./hub";
import { UI_STREAM_DONE, uiStreamEvent } from "./ui-stream-frames";

type Delta = Extract<UIMessageChunk, { type: "text-delta" | "reasoning-delta" }>;

const isDelta = (chunk: UIMessageChunk): chunk is Delta =>
  (chunk.type === "text-delta" || chunk.type === "reasoning-delta") && chunk.providerMetadata === undefined;

/**
 * A finished answer is kept for replay as a few long deltas instead of one per token: a late viewer gets
 * the same text, and the REPLAY_AFTER_END_MS it stays in memory costs a fraction of the per-token objects.
 */
function joinDeltas(chunks: readonly UIMessageChunk[]): UIMessageChunk[] {
  const joined: UIMessageChunk[] = [];
  let run: Delta[] = [];
  const closeRun = () => {
    const [first] = run;
    if (first) joined.push(run.length === 1 ? first : { ...first, delta: run.map((d) => d.delta).join("") });
    run = [];
  };
  for (const chunk of chunks) {
    const last = run[0];
    if (isDelta(chunk) && (!last || (last.type === chunk.type && last.id === chunk.id))) {
      run.push(chunk);
      continue;
    }
    closeRun();
    if (isDelta(chunk)) run.push(chunk);
    else joined.push(chunk);
  }
  closeRun();
  return joined;
}

class Generation {
  chunks: UIMessageChunk[] = [];
  ended = false;
  private readonly listeners = new Set<() => void>();
  /** Readers not yet at the end: they hold positions in `chunks`, so it is compacted only without them. */
  private activeReaders = 0;

  constructor(readonly abort: AbortController) {}

  push(chunk: UIMessageChunk): void {
    this.chunks.push(chunk);
    for (const listener of this.listeners) listener();
  }

  end(): void {
    this.ended = true;
    for (const listener of this.listeners) listener();
    this.compactIfUnread();
  }

  private compactIfUnread(): void {
    if (this.ended && this.activeReaders === 0) this.chunks = joinDeltas(this.chunks);
  }

  /**
   * A feed writes everything that arrived since its last write in one piece, straight from `push`: a
   * viewer that keeps up gets each chunk as it comes, a slow one (its sink full) gets batches.
   */
  feed(): AnswerFeed {
    let next = 0;
    let sink: FeedSink | undefined;
    let full = false;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.listeners.delete(flush);
      this.activeReaders--;
      this.compactIfUnread();
    };
    const flush = () => {
      if (!sink || full || released) return;
      let text = "";
      for (const end = this.chunks.length; next < end; next++)
        text += uiStreamEvent(JSON.stringify(this.chunks[next]));
      if (this.ended) text += UI_STREAM_DONE;
      if (text) full = !sink.write(text);
      if (!this.ended) return;
      release();
      sink.end();
    };
    this.activeReaders++;
    this.listeners.add(flush);
    return {
      start: (started) => {
        sink = started;
        flush();
      },
      resume: () => {
        full = false;
        flush();
      },
      cancel: release,
    };
  }
}

/** One server, no extra services: generations live in this process's memory. */
export class MemoryGenerationHub implements GenerationHub {
  private readonly generations = new Map<string, Generation>();
  private readonly cleanups = new Set<NodeJS.Timeout>();

  async run(key: string, source: ChunkSource, abort: AbortController): Promise<void> {
    const generation = new Generation(abort);
    this.generations.set(key, generation);
    try {
      await source((chunk) => generation.push(chunk));
    } finally {
      generation.end();
      const cleanup = setTimeout(() => {
        this.cleanups.delete(cleanup);
        if (this.generations.get(key) === generation) this.generations.delete(key);
      }, REPLAY_AFTER_END_MS);
      cleanup.unref();
      this.cleanups.add(cleanup);
    }
  }

  async subscribe(key: string): Promise<AnswerFeed | null> {
    return this.generations.get(key)?.feed() ?? null;
  }

  async isRunning(key: string): Promise<boolean> {
    const generation = this.generations.get(key);
    return generation !== undefined && !generation.ended;
  }

  async stop(key: string): Promise<boolean> {
    const generation = this.generations.get(key);
    if (!generation || generation.ended) return false;
    generation.abort.abort();
    return true;
  }

  readonly kind = "memory";

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    for (const generation of this.generations.values()) generation.abort.abort();
    for (const cleanup of this.cleanups) clearTimeout(cleanup);
    this.generations.clear();
  }
}
