export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export interface ParseOptions {
  /** Pass over lines that are not samples instead of failing: for readers that take what they can. */
  skipMalformed?: boolean;
}

/**
 * Reads the samples of a Prometheus text exposition (what vLLM's /metrics and ours serve). Comments and
 * type lines are skipped; a malformed line is an error, since a half-read exposition would mislead,
 * unless `skipMalformed` is set.
 */
export function parsePrometheusText(text: string, options: ParseOptions = {}): PrometheusSample[] {
  const samples: PrometheusSample[] = [];
  for (const [index, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE.exec(line);
    if (!match) {
      if (options.skipMalformed) continue;
      throw new Error(`line ${index + 1} is not a Prometheus sample: ${line.slice(0, 80)}`);
    }
    const [, name, labelText, valueText] = match as unknown as [string, string, string | undefined, string];
    const labels: Record<string, string> = {};
    for (const label of labelText?.matchAll(LABEL) ?? []) {
      labels[label[1] as string] = (label[2] as string).replace(/\\(.)/g, (_, ch: string) =>
        ch === "n" ? "\n" : ch,
      );
    }
    const value = valueText === "+Inf" ? Infinity : valueText === "-Inf" ? -Infinity : Number(valueText);
    if (Number.isNaN(value) && valueText !== "NaN") {
      if (options.skipMalformed) continue;
      throw new Error(`line ${index + 1} has no numeric value`);
    }
    samples.push({ name, labels, value });
  }
  return samples;
}

/** The values of exactly the named metric, one per label set, in exposition order. */
export function valuesOf(samples: PrometheusSample[], name: string): number[] {
  return samples.filter((sample) => sample.name === name).map((sample) => sample.value);
}

/** Sum of a metric's samples across label sets (e.g. one gauge per engine). */
export function sumOf(samples: PrometheusSample[], name: string): number | undefined {
  const values = valuesOf(samples, name);
  return values.length ? values.reduce((sum, value) => sum + value, 0) : undefined;
}

/** Largest of a metric's samples across label sets (e.g. the fullest engine's cache). */
export function maxOf(samples: PrometheusSample[], name: string): number | undefined {
  const values = valuesOf(samples, name);
  return values.length ? Math.max(...values) : undefined;
}

/**
 * A quantile estimated from a histogram's cumulative buckets (summed across label sets), interpolating
 * linearly inside the bucket, as Prometheus's histogram_quantile does.
 */
export function histogramQuantile(samples: PrometheusSample[], name: string, q: number): number | undefined {
  const buckets = new Map<number, number>();
  for (const sample of samples) {
    if (sample.name !== `${name}_bucket` || sample.labels.le === undefined) continue;
    const bound = sample.labels.le === "+Inf" ? Infinity : Number(sample.labels.le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + sample.value);
  }
  const sorted = [...buckets.entries()].sort(([a], [b]) => a - b);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return undefined;
  const rank = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [bound, count] of sorted) {
    if (count >= rank) {
      if (bound === Infinity) return lowerBound;
      return lowerBound + ((bound - lowerBound) * (rank - lowerCount)) / Math.max(count - lowerCount, 1e-9);
    }
    lowerBound = bound;
    lowerCount = count;
  }
  return lowerBound;
}
