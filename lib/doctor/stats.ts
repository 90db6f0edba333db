import type { Percentiles } from "./types";

/** Linear interpolation between closest ranks (numpy's default); undefined for no samples. */
export function percentile(samples: readonly number[], fraction: number): number | undefined {
  if (samples.length === 0) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(Math.max(fraction, 0), 1) * (sorted.length - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return lower + (upper - lower) * (rank - below);
}

export function percentiles(samples: readonly number[]): Percentiles | undefined {
  const p50 = percentile(samples, 0.5);
  const p95 = percentile(samples, 0.95);
  return p50 === undefined || p95 === undefined ? undefined : { p50, p95 };
}

/** Durations for people: seconds from 1 s, whole milliseconds from 10 ms, one decimal below. */
export function formatMs(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1000).toFixed(1)} s`;
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}
