import type { UIMessageChunk } from "ai";
import { type GenerationHub, REPLAY_AFTER_END_MS } from "./hub";

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
  private waiters: (() => void)[] = [];
  /** Readers not yet at the end: they hold positions in `chunks`, so it is compacted only without them. */
  private activeReaders = 0;

  constructor(readonly abort: AbortController) {}

  push(chunk: UIMessageChunk): void {
    this.chunks.push(chunk);
    this.wake();
  }

  end(): void {
    this.ended = true;
    this.wake();
    this.compactIfUnread();
  }

  /** Resolves at the next chunk or the end. */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private compactIfUnread(): void {
    if (this.ended && this.activeReaders === 0) this.chunks = joinDeltas(this.chunks);
  }

  reader(): ReadableStream<UIMessageChunk> {
    let next = 0;
    let released = false;
    this.activeReaders++;
    const release = () => {
      if (released) return;
      released = true;
      this.activeReaders--;
      this.compactIfUnread();
    };
    return new ReadableStream<UIMessageChunk>({
      // Everything that arrived since the last pull goes out at once: one wake-up per batch, not per token.
      pull: async (controller) => {
        while (next >= this.chunks.length && !this.ended) await this.changed();
        while (next < this.chunks.length) controller.enqueue(this.chunks[next++] as UIMessageChunk);
        if (!this.ended) return;
        controller.close();
        release();
      },
      cancel: release,
    });
  }
}

/** One server, no extra services: generations live in this process's memory. */
export class MemoryGenerationHub implements GenerationHub {
  private readonly generations = new Map<string, Generation>();
  private readonly cleanups = new Set<NodeJS.Timeout>();

  async run(key: string, chunks: ReadableStream<UIMessageChunk>, abort: AbortController): Promise<void> {
    const generation = new Generation(abort);
    this.generations.set(key, generation);
    try {
      const reader = chunks.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        generation.push(value);
      }
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

  async subscribe(key: string): Promise<ReadableStream<UIMessageChunk> | null> {
    return this.generations.get(key)?.reader() ?? null;
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

  async close(): Promise<void> {
    for (const generation of this.generations.values()) generation.abort.abort();
    for (const cleanup of this.cleanups) clearTimeout(cleanup);
    this.generations.clear();
  }
}
