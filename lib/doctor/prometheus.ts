/** Every sample of one metric in Prometheus text format, one per label set. */
export function metricSamples(text: string, name: string): number[] {
  const samples: number[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    // The next character tells `vllm:foo` apart from `vllm:foo_total` and friends.
    if (rest[0] !== "{" && rest[0] !== " ") continue;
    const value = Number(
      rest
        .slice(rest.lastIndexOf("}") + 1)
        .trim()
        .split(/\s+/)[0],
    );
    if (Number.isFinite(value)) samples.push(value);
  }
  return samples;
}

/** Engine load gauges; summed over engines, except the cache usage, whose fullest engine matters. */
export interface EngineLoad {
  running?: number;
  waiting?: number;
  kvCacheUsage?: number;
}

const sum = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) : undefined);
const max = (values: number[]) => (values.length ? Math.max(...values) : undefined);

export function engineLoad(text: string): EngineLoad {
  const kv = metricSamples(text, "vllm:kv_cache_usage_perc");
  return {
    running: sum(metricSamples(text, "vllm:num_requests_running")),
    waiting: sum(metricSamples(text, "vllm:num_requests_waiting")),
    // The pre-0.12 name of the same gauge.
    kvCacheUsage: max(kv.length ? kv : metricSamples(text, "vllm:gpu_cache_usage_perc")),
  };
}
