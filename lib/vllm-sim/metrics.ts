import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** Engine-side state read at scrape time, so gauges never lag behind a disconnect. */
export interface LoadSnapshot {
  running: number;
  waiting: number;
  kvCacheUsage: number;
}

export type FinishedReason = "stop" | "length" | "abort" | "error" | "repetition";

const FINISHED_REASONS: readonly FinishedReason[] = ["stop", "length", "abort", "error", "repetition"];

// Bucket boundaries of vllm/v1/metrics/loggers.py.
const TTFT_BUCKETS = [
  0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0,
  80.0, 160.0, 640.0, 2560.0,
];
const ITL_BUCKETS = [
  0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
];
const REQUEST_LATENCY_BUCKETS = [
  0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0,
  960.0, 1920.0, 7680.0,
];

const ENGINE_LABELS = ["model_name", "engine"] as const;

/**
 * vLLM's Prometheus metrics under their real names and labels. Each simulator owns a registry,
 * so several can run in one process; label children are resolved once, off the hot path.
 */
export class SimMetrics {
  readonly registry = new Registry();
  private readonly ttft;
  private readonly interTokenLatency;
  private readonly e2eLatency;
  private readonly queueTime;
  private readonly promptTokens;
  private readonly generationTokens;
  private readonly finished: Record<FinishedReason, Counter.Internal>;

  constructor(modelName: string, snapshot: () => LoadSnapshot) {
    const labels = { model_name: modelName, engine: "0" };
    const registers = [this.registry];
    const gauge = (name: string, help: string, read: (load: LoadSnapshot) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ENGINE_LABELS,
        registers,
        collect() {
          this.set(labels, read(snapshot()));
        },
      });
    gauge(
      "vllm:num_requests_running",
      "Number of requests in model execution batches.",
      (load) => load.running,
    );
    gauge("vllm:num_requests_waiting", "Number of requests waiting to be processed.", (load) => load.waiting);
    gauge(
      "vllm:kv_cache_usage_perc",
      "KV-cache usage. 1 means 100 percent usage.",
      (load) => load.kvCacheUsage,
    );

    // vLLM binds label children up front, so every series is exposed from the start at 0.
    const histogram = (name: string, help: string, buckets: number[]) => {
      const metric = new Histogram({ name, help, buckets, labelNames: ENGINE_LABELS, registers });
      metric.zero(labels);
      return metric.labels(labels);
    };
    this.ttft = histogram(
      "vllm:time_to_first_token_seconds",
      "Histogram of time to first token in seconds.",
      TTFT_BUCKETS,
    );
    this.interTokenLatency = histogram(
      "vllm:inter_token_latency_seconds",
      "Histogram of inter-token latency in seconds.",
      ITL_BUCKETS,
    );
    this.e2eLatency = histogram(
      "vllm:e2e_request_latency_seconds",
      "Histogram of e2e request latency in seconds.",
      REQUEST_LATENCY_BUCKETS,
    );
    this.queueTime = histogram(
      "vllm:request_queue_time_seconds",
      "Histogram of time spent in WAITING phase for request.",
      REQUEST_LATENCY_BUCKETS,
    );

    const counter = (name: string, help: string) => {
      const child = new Counter({ name, help, labelNames: ENGINE_LABELS, registers }).labels(labels);
      child.inc(0);
      return child;
    };
    this.promptTokens = counter("vllm:prompt_tokens_total", "Number of prefill tokens processed.");
    this.generationTokens = counter("vllm:generation_tokens_total", "Number of generation tokens processed.");

    const success = new Counter({
      name: "vllm:request_success_total",
      help: "Count of successfully processed requests.",
      labelNames: [...ENGINE_LABELS, "finished_reason"],
      registers,
    });
    this.finished = Object.fromEntries(
      FINISHED_REASONS.map((reason) => [reason, success.labels({ ...labels, finished_reason: reason })]),
    ) as Record<FinishedReason, Counter.Internal>;
    for (const child of Object.values(this.finished)) child.inc(0);
  }

  requestScheduled(queueSeconds: number, promptTokens: number): void {
    this.queueTime.observe(queueSeconds);
    this.promptTokens.inc(promptTokens);
  }

  firstToken(secondsSinceArrival: number): void {
    this.ttft.observe(secondsSinceArrival);
  }

  /** `count` tokens arrived together after `gapSeconds`; each counts as one decode step. */
  tokensGenerated(count: number, gapSeconds: number | undefined): void {
    this.generationTokens.inc(count);
    if (gapSeconds === undefined) return;
    for (let i = 0; i < count; i++) this.interTokenLatency.observe(gapSeconds / count);
  }

  requestFinished(reason: FinishedReason, secondsSinceArrival: number): void {
    this.finished[reason].inc();
    this.e2eLatency.observe(secondsSinceArrival);
  }
}
