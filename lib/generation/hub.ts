import type { UIMessageChunk } from "ai";

/** Pushes an answer's chunks to `emit` as they are produced; resolves once the answer has ended. */
export type ChunkSource = (emit: (chunk: UIMessageChunk) => void) => Promise<void>;

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
  /**
   * Everything generated so far, then the rest live, as the UI message stream's SSE bytes (ending with
   * `[DONE]`); null when nothing runs (or ran very recently) under `key`.
   */
  subscribe(key: string): Promise<ReadableStream<Uint8Array> | null>;
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
