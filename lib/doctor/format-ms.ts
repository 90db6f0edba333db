/** Durations for people: seconds from 1 s, whole milliseconds from 10 ms, one decimal below. */
export function formatMs(ms: number): string {
  if (ms >= 1_000) return `${(ms / 1000).toFixed(1)} s`;
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}
