import type { UIMessageChunk } from "ai";

/** Pushes an answer's chunks to `emit` as they are produced; resolves once the answer has ended. */
export type ChunkSource = (emit: (chunk: UIMessageChunk) => void) => Promise<void>;

/** Where one viewer's copy of an answer goes: the UI message stream's SSE text, in order. */
export interface FeedSink {
  /** False when the receiver is full: the feed writes nothing more until it is resumed. */
  write(text: string): boolean;
  end(): void;
  /** The answer can no longer be followed (shared state lost): the viewer's stream breaks. */
  fail(error: unknown): void;
}

/**
 * One viewer's copy of an answer: everything generated so far, then the rest live as it comes (no
 * promise or timer between the model server's chunk and the viewer's socket), then `[DONE]`.
 */
export interface AnswerFeed {
  /** Starts writing to `sink`; called once. */
  start(sink: FeedSink): void;
  /** The sink has room again after refusing a write. */
  resume(): void;
  /** The viewer left: nothing more is written, and the answer goes on without it. */
  cancel(): void;
}

/**
 * Runs answers independently of the browsers watching them: a reload or a second tab subscribes and gets
 * everything generated so far followed by the rest live; only `stop` aborts the upstream request.
 */
export interface GenerationHub {
  /**
   * Takes every chunk of `source` whoever is watching. `abort` is fired by `stop`, from any instance.
   * Resolves when the generation has ended.
   */
  run(key: string, source: ChunkSource, abort: AbortController): Promise<void>;
  /** A viewer's feed of the answer under `key`; null when nothing runs (or ran very recently) under it. */
  subscribe(key: string): Promise<AnswerFeed | null>;
  /** Whether a generation is still running under `key`. */
  isRunning(key: string): Promise<boolean>;
  /** Aborts the generation under `key` wherever it runs; false when none was running. */
  stop(key: string): Promise<boolean>;
  /** Where answers are shared between instances ("redis"), or "memory"; a round trip to it for /api/health. */
  readonly kind: "memory" | "redis";
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A finished generation stays replayable this long, so a page that loaded the half-written answer from
 * storage just before it finished still catches the end instead of keeping a truncated copy.
 */
export const REPLAY_AFTER_END_MS = 60_000;
