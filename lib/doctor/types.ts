import type { Percentiles } from "@/lib/stats";

export type FindingStatus = "ok" | "warn" | "fail" | "info";

export type FindingId =
  | "reachable"
  | "health"
  | "version"
  | "auth"
  | "model"
  | "context-length"
  | "chat"
  | "reasoning-parser"
  | "chat-template"
  | "sampling-defaults"
  | "latency-short"
  | "latency-long"
  | "stream-buffering"
  | "stream-compression"
  | "metrics"
  | "concurrency"
  | "kv-cache"
  | "time-limit";

export interface Finding {
  id: FindingId;
  status: FindingStatus;
  title: string;
  /** Plain language, with the numbers behind the verdict. */
  detail: string;
  /** A concrete flag, command or setting that addresses it. */
  fix?: string;
}

export type { Percentiles };

/** One streamed request as the client saw it. */
export interface StreamLatency {
  promptTokens?: number;
  completionTokens: number;
  /** Request sent → first SSE event (vLLM sends the role chunk together with the first token). */
  ttftMs: number;
  /** Gaps between successive token chunks, as vLLM's own benchmark measures inter-token latency. */
  itlMs: Percentiles;
  /** Decode speed: first to last token chunk, per token. */
  tpotMs?: number;
}

export interface BurstLatency {
  requests: number;
  failed: number;
  ttftMs?: Percentiles;
  /** Peaks seen on /metrics while the burst ran, when it is reachable. */
  maxWaiting?: number;
  maxRunning?: number;
  peakKvCacheUsage?: number;
}

export interface DoctorReport {
  baseURL: string;
  server: { version?: string; model?: string; maxModelLen?: number };
  findings: Finding[];
  measurements: { shortPrompt?: StreamLatency; longPrompt?: StreamLatency; burst?: BurstLatency };
  /** Requests the doctor sent, all to the server at baseURL. */
  requests: number;
  durationMs: number;
  /** No finding failed. */
  passed: boolean;
}
