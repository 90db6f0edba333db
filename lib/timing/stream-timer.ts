import { percentileOfSorted } from "@/lib/stats";

export type ChunkKind = "reasoning" | "answer";

/** A gap between chunks longer than this is a stall the reader notices. */
export const DEFAULT_STALL_THRESHOLD_MS = 250;
/** How many recent gaps the sparkline shows. */
export const RECENT_GAPS = 120;

export interface TimingSnapshot {
  /** Whose clock measured this: the BFF's (upstream events) or the browser's (arrival). Never mixed. */
  clock: "bff" | "browser";
  /** From the request to the first reasoning or answer chunk: queue + prefill (+ network for the browser). */
  ttftMs?: number;
  phases: { waitingMs: number; thinkingMs?: number; answeringMs?: number };
  chunks: { reasoning: number; answer: number };
  gaps: { count: number; p50Ms?: number; p95Ms?: number; maxMs?: number };
  stalls: { count: number; longestMs: number; thresholdMs: number };
  /** The latest inter-chunk gaps, oldest first, for the sparkline. */
  recentGapsMs: number[];
  ended: boolean;
}

/**
 * Measures one streamed answer on one clock: phases, inter-chunk gaps and stalls. Cheap per chunk (one
 * subtraction and a push) because it runs on the hot path of every relayed token; a snapshot sorts only
 * the gaps since the previous one and merges them into those already sorted.
 */
export class StreamTimer {
  private firstChunkAt?: number;
  private firstAnswerAt?: number;
  private lastChunkAt?: number;
  private endedAt?: number;
  /** Every gap up to the last snapshot, ascending. */
  private sortedGaps = new Float64Array(0);
  /** Gaps since the last snapshot, in arrival order. */
  private newGaps: number[] = [];
  private readonly recentGaps: number[] = [];
  private readonly counts = { reasoning: 0, answer: 0 };
  private stallCount = 0;
  private longestStall = 0;

  constructor(
    private readonly clock: TimingSnapshot["clock"],
    private readonly startedAt: number,
    private readonly stallThresholdMs = DEFAULT_STALL_THRESHOLD_MS,
  ) {}

  /** Records a chunk; returns the gap since the previous one, or undefined for the first. */
  chunk(kind: ChunkKind, at: number): number | undefined {
    this.counts[kind]++;
    if (kind === "answer") this.firstAnswerAt ??= at;
    const previous = this.lastChunkAt;
    this.lastChunkAt = at;
    if (previous === undefined) {
      this.firstChunkAt = at;
      return undefined;
    }
    const gap = at - previous;
    this.newGaps.push(gap);
    this.recentGaps.push(gap);
    if (this.recentGaps.length > RECENT_GAPS) this.recentGaps.shift();
    if (gap > this.stallThresholdMs) {
      this.stallCount++;
      this.longestStall = Math.max(this.longestStall, gap);
    }
    return gap;
  }

  end(at: number): void {
    this.endedAt ??= at;
  }

  snapshot(now: number): TimingSnapshot {
    const until = this.endedAt ?? now;
    const sorted = this.mergeNewGaps();
    const first = this.firstChunkAt;
    const thinkingEnd = this.firstAnswerAt ?? until;
    return {
      clock: this.clock,
      ttftMs: first === undefined ? undefined : first - this.startedAt,
      phases: {
        waitingMs: (first ?? until) - this.startedAt,
        thinkingMs: first !== undefined && this.counts.reasoning > 0 ? thinkingEnd - first : undefined,
        answeringMs: this.firstAnswerAt === undefined ? undefined : until - this.firstAnswerAt,
      },
      chunks: { ...this.counts },
      gaps: {
        count: sorted.length,
        p50Ms: percentileOfSorted(sorted, 50, "nearest-rank"),
        p95Ms: percentileOfSorted(sorted, 95, "nearest-rank"),
        maxMs: sorted.length ? sorted[sorted.length - 1] : undefined,
      },
      stalls: { count: this.stallCount, longestMs: this.longestStall, thresholdMs: this.stallThresholdMs },
      recentGapsMs: [...this.recentGaps],
      ended: this.endedAt !== undefined,
    };
  }

  private mergeNewGaps(): Float64Array {
    if (this.newGaps.length === 0) return this.sortedGaps;
    // A typed array sorts numerically in native code, without a comparator call per comparison: the first
    // snapshot of a long answer (as it ends, with the overlay closed) sorts all of its thousands of gaps.
    const fresh = Float64Array.from(this.newGaps).sort();
    const old = this.sortedGaps;
    const merged = new Float64Array(old.length + fresh.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) {
      merged[k] =
        j >= fresh.length || (i < old.length && (old[i] as number) <= (fresh[j] as number))
          ? (old[i++] as number)
          : (fresh[j++] as number);
    }
    this.sortedGaps = merged;
    this.newGaps = [];
    return merged;
  }
}
