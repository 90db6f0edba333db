import { setTimeout as delay } from "node:timers/promises";
import { percentiles } from "@/lib/stats";
import { formatMs } from "../format-ms";
import type { ProbeClient } from "../probe-client";
import { type EngineLoad, engineLoad } from "../prometheus";
import { type RecordedStream, recordChatStream } from "../sse-recorder";
import { tokenTimeline } from "../token-timeline";
import type { BurstLatency, Finding } from "../types";

const BURST_TIMEOUT_MS = 30_000;
const METRICS_TIMEOUT_MS = 3_000;
const POLL_INTERVAL_MS = 100;
const MAX_POLLS = 50;
/** Queueing shows as a burst's TTFT at several times a lone request's, by a margin people notice. */
const BLOW_UP_RATIO = 4;
const BLOW_UP_MIN_MS = 250;
/** Above this, new requests wait for cache blocks and running ones risk preemption. */
const KV_PRESSURE = 0.9;

export interface ConcurrencyCheck {
  findings: Finding[];
  burst: BurstLatency;
}

async function readLoad(client: ProbeClient): Promise<EngineLoad | undefined> {
  try {
    const response = await client.getServer("/metrics", METRICS_TIMEOUT_MS);
    const text = await response.text();
    return response.ok ? engineLoad(text) : undefined;
  } catch {
    client.deadline.throwIfOver();
    return undefined;
  }
}

const peak = (samples: EngineLoad[], key: keyof EngineLoad) => {
  const values = samples.flatMap((sample) => (sample[key] === undefined ? [] : [sample[key] as number]));
  return values.length ? Math.max(...values) : undefined;
};

/**
 * Sends `size` short requests at once, like a few users asking together, and watches vLLM's queue
 * and KV cache on /metrics meanwhile.
 */
export async function checkConcurrency(
  client: ProbeClient,
  request: Record<string, unknown>,
  size: number,
  aloneTtftMs: number,
): Promise<ConcurrencyCheck> {
  const before = await readLoad(client);
  let running = true;
  const streams = Promise.all(
    Array.from({ length: size }, () => recordChatStream(client, request, BURST_TIMEOUT_MS)),
  ).finally(() => {
    running = false;
  });
  const watch = async (): Promise<EngineLoad[]> => {
    const samples: EngineLoad[] = [];
    for (let polls = 0; before && running && polls < MAX_POLLS; polls++) {
      const load = await readLoad(client);
      if (load) samples.push(load);
      if (running)
        await delay(POLL_INTERVAL_MS, undefined, { signal: client.deadline.signal }).catch(() =>
          client.deadline.throwIfOver(),
        );
    }
    return samples;
  };
  const [results, samples] = await Promise.all([streams, watch()]);
  const burst = summarize(results, samples, size);
  return {
    findings: [
      metricsFinding(before !== undefined),
      concurrencyFinding(burst, results, aloneTtftMs),
      kvCacheFinding(burst.peakKvCacheUsage),
    ],
    burst,
  };
}

function summarize(results: RecordedStream[], samples: EngineLoad[], size: number): BurstLatency {
  const ttfts = results.flatMap((result) => {
    const at = result.error ? undefined : tokenTimeline(result.events).firstEventAt;
    return at === undefined ? [] : [at];
  });
  return {
    requests: size,
    failed: results.filter((result) => result.error).length,
    ttftMs: percentiles(ttfts),
    maxWaiting: peak(samples, "waiting"),
    maxRunning: peak(samples, "running"),
    peakKvCacheUsage: peak(samples, "kvCacheUsage"),
  };
}

function metricsFinding(available: boolean): Finding {
  if (available) {
    return {
      id: "metrics",
      status: "ok",
      title: "Metrics available",
      detail: "/metrics answers with vLLM's Prometheus metrics.",
    };
  }
  return {
    id: "metrics",
    status: "info",
    title: "Metrics not reachable",
    detail:
      "/metrics did not answer through this URL, so the queue and KV-cache checks rely on time to first token alone.",
    fix: "Forward /metrics too, or run the doctor against vLLM's own port.",
  };
}

function concurrencyFinding(burst: BurstLatency, results: RecordedStream[], aloneTtftMs: number): Finding {
  const { requests, failed, ttftMs, maxWaiting, maxRunning } = burst;
  if (failed > 0 || !ttftMs) {
    const firstError = results.find((result) => result.error)?.error ?? "no tokens arrived";
    return {
      id: "concurrency",
      status: "fail",
      title: `${failed} of ${requests} concurrent requests failed`,
      detail: `Sent ${requests} short requests at once; ${failed} failed, the first with: ${firstError}.`,
      fix: "Read vLLM's log around the burst: a crash, out-of-memory or a proxy's connection limit are the usual causes.",
    };
  }
  const ratio = ttftMs.p95 / Math.max(aloneTtftMs, 1);
  const blownUp = ratio >= BLOW_UP_RATIO && ttftMs.p95 - aloneTtftMs >= BLOW_UP_MIN_MS;
  const queue =
    maxWaiting === undefined
      ? ""
      : ` /metrics: up to ${maxWaiting} waiting while at most ${maxRunning ?? "?"} ran.`;
  const detail = `${requests} short requests at once: time to first token p50 ${formatMs(ttftMs.p50)}, p95 ${formatMs(ttftMs.p95)}, against ${formatMs(aloneTtftMs)} for one alone (×${ratio.toFixed(1)}).${queue}`;
  if (!blownUp && !(maxWaiting && maxWaiting > 0)) {
    return { id: "concurrency", status: "ok", title: `${requests} concurrent requests run together`, detail };
  }
  const slots = maxRunning === undefined ? "" : ` (at most ${maxRunning} ran together here)`;
  return {
    id: "concurrency",
    status: "warn",
    title: `Requests queue under a burst of ${requests}`,
    detail,
    fix: `Let more requests run at once: raise \`--max-num-seqs\`${slots} and give their KV cache room with \`--gpu-memory-utilization 0.9\`. A bigger \`--max-num-batched-tokens\` lets one step prefill more queued prompts, and \`--enable-prefix-caching\` skips the prefill of prefixes requests share.`,
  };
}

function kvCacheFinding(peakUsage: number | undefined): Finding {
  if (peakUsage === undefined) {
    return {
      id: "kv-cache",
      status: "info",
      title: "KV-cache usage unknown",
      detail: "vllm:kv_cache_usage_perc was not available during the burst.",
    };
  }
  const usage = `${(peakUsage * 100).toFixed(1)}%`;
  if (peakUsage < KV_PRESSURE) {
    return {
      id: "kv-cache",
      status: "ok",
      title: "KV cache has room",
      detail: `vllm:kv_cache_usage_perc peaked at ${usage} during the burst.`,
    };
  }
  return {
    id: "kv-cache",
    status: "warn",
    title: "KV cache nearly full under load",
    detail: `vllm:kv_cache_usage_perc peaked at ${usage} during the burst: new requests wait for cache blocks and running ones may be preempted.`,
    fix: "Give the KV cache more memory (`--gpu-memory-utilization 0.9`, at most 0.95), lower `--max-model-len` if conversations never get that long, and keep `--enable-prefix-caching` on so shared prefixes are stored once.",
  };
}
