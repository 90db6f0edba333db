import { percentile, percentiles } from "@/lib/stats";
import type { TokenChunk, TokenTimeline } from "./token-timeline";
import type { Percentiles } from "./types";

/**
 * Chunks landing within this much of each other arrived together: one read, or reads split from
 * one network write. Decoding is never this fast (≥ 1 ms per token even for a 1.5B model on an H100),
 * so two chunks this close were held back and released together.
 */
const SAME_DELIVERY_MS = 1;
/** A delivery of this many chunks is a lump: a proxy released events it had been holding. */
const LUMP_CHUNKS = 4;
/** Fewer tokens than this say little about how a stream flows. */
const MIN_TOKENS_TO_JUDGE = 20;

export interface Delivery {
  at: number;
  chunks: number;
  tokens: number;
}

/** Groups chunks that arrived together. */
export function groupDeliveries(chunks: readonly TokenChunk[]): Delivery[] {
  const deliveries: Delivery[] = [];
  let previousAt = Number.NEGATIVE_INFINITY;
  for (const { at, tokens } of chunks) {
    const current = deliveries.at(-1);
    if (current && at - previousAt <= SAME_DELIVERY_MS) {
      current.chunks++;
      current.tokens += tokens;
    } else {
      deliveries.push({ at, chunks: 1, tokens });
    }
    previousAt = at;
  }
  return deliveries;
}

export interface DeliveryStats {
  tokens: number;
  chunks: number;
  deliveries: number;
  medianTokensPerChunk: number;
  medianChunksPerDelivery: number;
  /** Share of chunks that came in lumps (deliveries of LUMP_CHUNKS or more). */
  lumpedChunkShare: number;
  /** Share of all tokens carried by the biggest delivery. */
  largestDeliveryShare: number;
  /** Pauses between deliveries: bursts after long gaps show as p95 ≫ p50. */
  gapMs: Percentiles;
  exactTokenCounts: boolean;
}

export function deliveryStats(timeline: TokenTimeline): DeliveryStats {
  const deliveries = groupDeliveries(timeline.chunks);
  const chunks = timeline.chunks.length;
  const tokens = timeline.chunks.reduce((total, chunk) => total + chunk.tokens, 0);
  const lumped = deliveries.filter((d) => d.chunks >= LUMP_CHUNKS).reduce((n, d) => n + d.chunks, 0);
  const gaps = deliveries.slice(1).map((delivery, i) => delivery.at - (deliveries[i] as Delivery).at);
  return {
    tokens,
    chunks,
    deliveries: deliveries.length,
    medianTokensPerChunk:
      percentile(
        timeline.chunks.map((chunk) => chunk.tokens),
        50,
      ) ?? 0,
    medianChunksPerDelivery:
      percentile(
        deliveries.map((d) => d.chunks),
        50,
      ) ?? 0,
    lumpedChunkShare: chunks ? lumped / chunks : 0,
    largestDeliveryShare: tokens ? Math.max(...deliveries.map((d) => d.tokens)) / tokens : 0,
    gapMs: percentiles(gaps) ?? { p50: 0, p95: 0 },
    exactTokenCounts: timeline.exact,
  };
}

/**
 * Where lumps come from. vLLM's `--stream-interval N` (or its output merging when the API server lags)
 * packs several tokens into each SSE event, which still arrive one by one; a buffering proxy leaves
 * events whole but releases many at once. Either way the reader sees text jump.
 */
export interface DeliveryVerdict {
  judged: boolean;
  /** (Nearly) the whole answer arrived in one piece. */
  allAtOnce: boolean;
  /** Whole events held back and released in lumps: something between client and vLLM buffers. */
  heldInTransit: boolean;
  /** Several tokens per event: vLLM itself batches them. */
  batchedAtSource: boolean;
}

export function judgeDelivery(stats: DeliveryStats): DeliveryVerdict {
  const judged = stats.tokens >= MIN_TOKENS_TO_JUDGE && stats.chunks > 1;
  return {
    judged,
    allAtOnce: judged && stats.largestDeliveryShare >= 0.9,
    heldInTransit: judged && stats.lumpedChunkShare >= 0.5,
    batchedAtSource: judged && stats.medianTokensPerChunk >= 2,
  };
}
