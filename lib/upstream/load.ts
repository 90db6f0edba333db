import "server-only";
import { histogramQuantile, parsePrometheusText, sumOf } from "@/lib/observability/prometheus-text";
import { authHeaders, serverRoot } from "./model-server";
import { describeFetchFailure } from "./network-failure";
import type { Upstream } from "./upstream";

export interface UpstreamLoad {
  running?: number;
  waiting?: number;
  /** 0–1. */
  kvCacheUsage?: number;
  /** The server's own latency histograms (seconds), over its lifetime. */
  ttftSeconds: { p50?: number; p95?: number };
  interTokenSeconds: { p50?: number; p95?: number };
}

const TIMEOUT_MS = 2_000;

/** Reads vLLM's /metrics (the browser never talks to vLLM; it asks the BFF). */
export async function readUpstreamLoad(upstream: Upstream): Promise<UpstreamLoad> {
  const response = await fetch(`${serverRoot(upstream)}/metrics`, {
    headers: authHeaders(upstream),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new Error(describeFetchFailure(error));
  });
  if (!response.ok) throw new Error(`the model server's /metrics answered HTTP ${response.status}`);
  const samples = parsePrometheusText(await response.text());
  const quantiles = (name: string) => ({
    p50: histogramQuantile(samples, name, 0.5),
    p95: histogramQuantile(samples, name, 0.95),
  });
  return {
    running: sumOf(samples, "vllm:num_requests_running"),
    waiting: sumOf(samples, "vllm:num_requests_waiting"),
    kvCacheUsage: sumOf(samples, "vllm:kv_cache_usage_perc") ?? sumOf(samples, "vllm:gpu_cache_usage_perc"),
    ttftSeconds: quantiles("vllm:time_to_first_token_seconds"),
    interTokenSeconds: quantiles("vllm:inter_token_latency_seconds"),
  };
}
