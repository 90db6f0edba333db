/**
 * The load client, in its own process (forked by bench/relay/run.ts): keeps N streams open against one
 * route and times every token chunk as it arrives. Each of N slots starts at an offset spread over one
 * stream's lifetime and runs `rounds` requests back to back, so N streams are open at once in steady state;
 * only the middle rounds (all N slots busy) count for latency.
 */
import { Agent, request } from "node:http";
import { StringDecoder } from "node:string_decoder";
import { bffBody, directBody, PATHS, type Route } from "./requests";

export interface PhasePlan {
  route: Route;
  baseUrl: string;
  model: string;
  streams: number;
  rounds: number;
  /** How long one stream lasts unloaded; slot starts are spread over it. */
  lifetimeMs: number;
  deadlineMs: number;
}

export interface Distribution {
  count: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface PhaseResult {
  route: Route;
  streams: number;
  /** Requests in the measured (middle) rounds. */
  measuredRequests: number;
  /** Over all rounds: non-200 answers, broken or unfinished streams, a wrong number of token chunks. */
  errors: number;
  errorSamples: string[];
  ttftMs: Distribution;
  gapMs: Distribution;
  /** Over the measured answers that ended properly. */
  tokenChunksPerRequest: { min: number; max: number };
  /** Share of token chunks that arrived in a network read together with another token chunk. */
  coalescedShare: number;
  /** Token chunks received over all rounds. */
  totalTokenChunks: number;
  /** Token chunks per second over the window in which all N slots were busy. */
  aggregateTokensPerSecond: number;
  wallMs: number;
}

interface Sample {
  startedAt: number;
  endedAt: number;
  tokenTimes: number[];
  coalesced: number;
  error?: string;
}

const TOKEN_EVENT: Record<Route, (event: string) => boolean> = {
  // An OpenAI chunk carries a token when a text field is a non-empty string.
  direct: (event) => /"(?:content|reasoning|reasoning_content)":"[^"]/.test(event),
  pipe: (event) => /"(?:content|reasoning|reasoning_content)":"[^"]/.test(event),
  bff: (event) =>
    event.startsWith('data: {"type":"reasoning-delta"') || event.startsWith('data: {"type":"text-delta"'),
};
const END_EVENT: Record<Route, (event: string) => boolean> = {
  direct: (event) => event === "data: [DONE]",
  pipe: (event) => event === "data: [DONE]",
  bff: (event) => event.startsWith('data: {"type":"finish"'),
};
const ERROR_EVENT = /^data: \{"(?:type":"error|error)"/;

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const open = new Set<{ destroy(): void }>();
let sequence = 0;

function measureOne(plan: PhasePlan): Promise<Sample> {
  const url = new URL(PATHS[plan.route], plan.baseUrl);
  const body = plan.route === "bff" ? bffBody(`bench-${process.pid}-${++sequence}`) : directBody(plan.model);
  const isToken = TOKEN_EVENT[plan.route];
  const isEnd = END_EVENT[plan.route];
  const sample: Sample = { startedAt: performance.now(), endedAt: 0, tokenTimes: [], coalesced: 0 };
  return new Promise((resolve) => {
    let ended = false;
    const finish = (error?: string) => {
      if (sample.endedAt) return;
      sample.endedAt = performance.now();
      if (error) sample.error = error;
      else if (!ended) sample.error = "the stream ended without its final event";
      open.delete(req);
      resolve(sample);
    };
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          finish(`HTTP ${res.statusCode}`);
          return;
        }
        const decoder = new StringDecoder("utf8");
        let carry = "";
        res.on("data", (bytes: Buffer) => {
          const at = performance.now();
          const events = (carry + decoder.write(bytes)).split("\n\n");
          carry = events.pop() ?? "";
          let tokens = 0;
          for (const event of events) {
            if (isToken(event)) tokens++;
            else if (isEnd(event)) ended = true;
            else if (ERROR_EVENT.test(event)) finish(`error event: ${event.slice(0, 200)}`);
          }
          for (let i = 0; i < tokens; i++) sample.tokenTimes.push(at);
          if (tokens > 1) sample.coalesced += tokens;
        });
        res.on("end", () => finish());
        res.on("error", (error) => finish(error.message));
      },
    );
    req.on("error", (error) => finish(error.message));
    open.add(req);
    req.end(body);
  });
}

function distribution(values: number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    count: sorted.length,
    p50: at(50),
    p99: at(99),
    max: sorted.at(-1) ?? 0,
    mean: sorted.length ? sum / sorted.length : 0,
  };
}

async function runPhase(plan: PhasePlan, expectedTokens: number | undefined): Promise<PhaseResult> {
  const phaseStart = performance.now();
  const slots: Sample[][] = [];
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    for (const req of open) req.destroy();
  }, plan.deadlineMs);
  await Promise.all(
    Array.from({ length: plan.streams }, async (_, slot) => {
      const samples: Sample[] = [];
      slots[slot] = samples;
      await new Promise((resolve) => setTimeout(resolve, (slot * plan.lifetimeMs) / plan.streams));
      for (let round = 0; round < plan.rounds && !timedOut; round++) samples.push(await measureOne(plan));
    }),
  );
  clearTimeout(deadline);

  const all = slots.flat();
  const expected = expectedTokens ?? all.find((sample) => !sample.error)?.tokenTimes.length ?? 0;
  const errorSamples: string[] = [];
  let errors = timedOut ? plan.streams * plan.rounds - all.length : 0;
  if (timedOut) errorSamples.push(`phase deadline of ${plan.deadlineMs} ms passed`);
  for (const sample of all) {
    const error =
      sample.error ??
      (sample.tokenTimes.length === expected
        ? undefined
        : `${sample.tokenTimes.length} token chunks instead of ${expected}`);
    if (!error) continue;
    errors++;
    if (errorSamples.length < 5) errorSamples.push(error);
  }

  // With fewer than three rounds (warm-up, the cold probe) every request counts.
  const measured =
    plan.rounds >= 3 ? slots.flatMap((samples) => samples.slice(1, plan.rounds - 1)) : slots.flat();
  const ttfts: number[] = [];
  const gaps: number[] = [];
  let tokens = 0;
  let coalesced = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const sample of measured) {
    const times = sample.tokenTimes;
    if (times.length === 0) continue;
    ttfts.push((times[0] as number) - sample.startedAt);
    for (let i = 1; i < times.length; i++) gaps.push((times[i] as number) - (times[i - 1] as number));
    tokens += times.length;
    coalesced += sample.coalesced;
    // Chunks per answer are compared for answers that ended properly; broken ones count as errors.
    if (sample.error) continue;
    min = Math.min(min, times.length);
    max = Math.max(max, times.length);
  }

  // Every slot busy: from the last slot's first start to the first slot's last end.
  const steadyFrom = Math.max(...slots.map((samples) => samples[0]?.startedAt ?? phaseStart));
  const steadyTo = Math.min(...slots.map((samples) => samples.at(-1)?.endedAt ?? steadyFrom));
  let steadyTokens = 0;
  let totalTokenChunks = 0;
  for (const sample of all) {
    totalTokenChunks += sample.tokenTimes.length;
    for (const at of sample.tokenTimes) if (at >= steadyFrom && at <= steadyTo) steadyTokens++;
  }
  return {
    route: plan.route,
    streams: plan.streams,
    measuredRequests: measured.length,
    errors,
    errorSamples,
    ttftMs: distribution(ttfts),
    gapMs: distribution(gaps),
    tokenChunksPerRequest: { min: Number.isFinite(min) ? min : 0, max },
    coalescedShare: tokens ? coalesced / tokens : 0,
    totalTokenChunks,
    aggregateTokensPerSecond: steadyTo > steadyFrom ? (steadyTokens * 1000) / (steadyTo - steadyFrom) : 0,
    wallMs: performance.now() - phaseStart,
  };
}

export type ClientRequest = { plan: PhasePlan; expectedTokens?: number };

process.on("message", (message: ClientRequest) => {
  void runPhase(message.plan, message.expectedTokens).then((result) => process.send?.(result));
});
