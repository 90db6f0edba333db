import { describe, expect, it } from "vitest";
import { engineLoad } from "@/lib/doctor/prometheus";
import { parsePrometheusText, valuesOf } from "@/lib/observability/prometheus-text";

const METRICS = `# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{engine="0",model_name="r1"} 3.0
vllm:num_requests_waiting{engine="1",model_name="r1"} 2.0
vllm:num_requests_waiting_by_reason{engine="0",reason="capacity"} 9.0
vllm:num_requests_running{engine="0",model_name="r1"} 2.0
vllm:kv_cache_usage_perc{engine="0",model_name="r1"} 0.25
vllm:kv_cache_usage_perc{engine="1",model_name="r1"} 0.93
`;

describe("reading vLLM's /metrics", () => {
  it("takes every label set of exactly the named metric", () => {
    const samples = parsePrometheusText(METRICS);
    expect(valuesOf(samples, "vllm:num_requests_waiting")).toEqual([3, 2]);
    expect(valuesOf(samples, "vllm:missing")).toEqual([]);
  });

  it("sums queues over engines and keeps the fullest KV cache", () => {
    expect(engineLoad(METRICS)).toEqual({ waiting: 5, running: 2, kvCacheUsage: 0.93 });
  });

  it("falls back to the KV gauge's pre-0.12 name", () => {
    expect(engineLoad('vllm:gpu_cache_usage_perc{engine="0"} 0.5\n').kvCacheUsage).toBe(0.5);
  });
});
