import { maxOf, parsePrometheusText, sumOf } from "@/lib/observability/prometheus-text";

/** Engine load gauges; summed over engines, except the cache usage, whose fullest engine matters. */
export interface EngineLoad {
  running?: number;
  waiting?: number;
  kvCacheUsage?: number;
}

export function engineLoad(text: string): EngineLoad {
  // Whatever can be read counts: lines that are not samples, and values that are not finite, are passed over.
  const samples = parsePrometheusText(text, { skipMalformed: true }).filter((sample) =>
    Number.isFinite(sample.value),
  );
  return {
    running: sumOf(samples, "vllm:num_requests_running"),
    waiting: sumOf(samples, "vllm:num_requests_waiting"),
    // The pre-0.12 name of the same gauge.
    kvCacheUsage: maxOf(samples, "vllm:kv_cache_usage_perc") ?? maxOf(samples, "vllm:gpu_cache_usage_perc"),
  };
}
