import "server-only";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Latency buckets (seconds) from a few ms to long reasoning waits. */
const TTFT_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const ITL_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 5];

function createMetrics() {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({
      name: "r1chat_chat_requests_total",
      help: "Chat answers started, by how they ended",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    activeStreams: new Gauge({
      name: "r1chat_active_streams",
      help: "Answers being relayed from the upstream right now",
      registers: [registry],
    }),
    ttft: new Histogram({
      name: "r1chat_time_to_first_token_seconds",
      help: "From the upstream request to its first reasoning or answer token, as the BFF relays it",
      buckets: TTFT_BUCKETS,
      registers: [registry],
    }),
    interTokenLatency: new Histogram({
      name: "r1chat_inter_token_latency_seconds",
      help: "Gaps between relayed chunks of one answer",
      buckets: ITL_BUCKETS,
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: "r1chat_upstream_errors_total",
      help: "Upstream failures, by kind",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
    abortedStreams: new Counter({
      name: "r1chat_aborted_streams_total",
      help: "Answers stopped by a user",
      registers: [registry],
    }),
  };
}

export type AppMetrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for("r1-chat.metrics");
type Holder = { [KEY]?: AppMetrics };

/** One registry per process (Next.js may load this module in several bundles, hence globalThis). */
export function metrics(): AppMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}
