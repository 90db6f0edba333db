/** Descriptive statistics shared by the stream timing, the deployment doctor and the maths eval. */

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (Bessel's n − 1): the runs are a sample of what the model would do. NaN below two values. */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const average = mean(values);
  const squares = values.reduce((sum, value) => sum + (value - average) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

/**
 * How a percentile picks its value:
 * - `linear`: interpolates linearly between the closest ranks, as NumPy's default and Excel's
 *   PERCENTILE.INC compute it;
 * - `nearest-rank`: the smallest value with at least p % of the values at or below it, always one of them.
 */
export type PercentileMethod = "linear" | "nearest-rank";

/** The p-th percentile (0–100) of `values`, in any order (left alone); undefined for no values. */
export function percentile(
  values: ArrayLike<number>,
  p: number,
  method: PercentileMethod = "linear",
): number | undefined {
  const sorted = Array.from(values).sort((a, b) => a - b);
  return percentileOfSorted(sorted, p, method);
}

/** {@link percentile} of values already in ascending order, without copying or sorting them. */
export function percentileOfSorted(
  sorted: ArrayLike<number>,
  p: number,
  method: PercentileMethod = "linear",
): number | undefined {
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  const count = sorted.length;
  if (count === 0) return undefined;
  if (method === "nearest-rank") {
    const rank = Math.ceil((p / 100) * count);
    return sorted[Math.min(count, Math.max(1, rank)) - 1];
  }
  const rank = (p / 100) * (count - 1);
  const below = Math.floor(rank);
  const lower = sorted[below] as number;
  const upper = sorted[Math.min(below + 1, count - 1)] as number;
  return lower + (upper - lower) * (rank - below);
}

export interface Percentiles {
  p50: number;
  p95: number;
}

/** The median and the 95th percentile (linear); undefined for no values. */
export function percentiles(values: readonly number[]): Percentiles | undefined {
  const p50 = percentile(values, 50);
  const p95 = percentile(values, 95);
  return p50 === undefined || p95 === undefined ? undefined : { p50, p95 };
}
