import { checkConcurrency } from "./checks/concurrency";
import { longLatencyFinding, shortLatencyFinding, skippedLongFinding } from "./checks/latency";
import { checkModels } from "./checks/models";
import { chatFinding, parserFinding, templateFinding } from "./checks/reasoning";
import { checkSamplingDefaults } from "./checks/sampling-defaults";
import { checkServer } from "./checks/server";
import { bufferingFinding, compressionFinding } from "./checks/streaming";
import { Deadline, DeadlineExceeded } from "./deadline";
import { deliveryStats, judgeDelivery } from "./delivery";
import { type DoctorOptions, doctorOptionsSchema, type ResolvedDoctorOptions } from "./options";
import { ProbeClient } from "./probe-client";
import { longPrompt, SHORT_QUESTION } from "./prompts";
import { observeReasoning } from "./reasoning-observation";
import { recordChatStream } from "./sse-recorder";
import { streamLatency, tokenTimeline } from "./token-timeline";
import type { DoctorReport, Finding } from "./types";

/** Enough for R1 to finish a short question, so the reasoning checks see the whole output. */
const SHORT_MAX_TOKENS = 400;
const LONG_PROMPT_TOKENS = 3_000;
/** Below this a "long" prompt would not show prefill cost. */
const MIN_LONG_PROMPT_TOKENS = 1_000;
const LONG_MAX_TOKENS = 64;
const BURST_MAX_TOKENS = 64;
/** Head-room for the chat template and estimate error when fitting prompts into max_model_len. */
const CONTEXT_MARGIN = 200;
const STREAM_TIMEOUT_MS = 30_000;

/** A streamed request as r1-chat sends it, asking for per-chunk token counts. */
function streamRequest(model: string, content: string, maxTokens: number): Record<string, unknown> {
  return {
    model,
    messages: [{ role: "user", content }],
    max_tokens: maxTokens,
    temperature: 0.6,
    top_p: 0.95,
    stream_options: { include_usage: true, continuous_usage_stats: true },
  };
}

interface Run {
  client: ProbeClient;
  options: ResolvedDoctorOptions;
  report: Pick<DoctorReport, "server" | "findings" | "measurements">;
  /** What the run is doing, for the time-limit finding. */
  stage: string;
}

const add = (run: Run, ...findings: Finding[]) => run.report.findings.push(...findings);

/**
 * Checks a vLLM deployment the way the article's steps do (is it up, which model, does a chat work)
 * and goes on to what makes R1 chats feel slow or wrong: reasoning parser, chat template, sampling
 * defaults, latency, stream buffering and behaviour under a small burst. Bounded in time and requests,
 * and talks only to the server at `baseURL`. Rejects on invalid options and when the caller's signal
 * aborts; anything the server does wrong, including being too slow for the time limit, is a finding.
 */
export async function runDoctor(input: DoctorOptions): Promise<DoctorReport> {
  const { signal, ...rest } = input;
  const options = doctorOptionsSchema.parse(rest);
  const started = performance.now();
  const client = new ProbeClient(options, new Deadline(options.timeoutMs, signal));
  const run: Run = {
    client,
    options,
    report: { server: {}, findings: [], measurements: {} },
    stage: "starting",
  };
  try {
    await runChecks(run);
  } catch (error) {
    if (!(error instanceof DeadlineExceeded)) throw error;
    add(run, {
      id: "time-limit",
      status: "fail",
      title: "Stopped at the time limit",
      detail: `The run hit its ${options.timeoutMs / 1000} s limit while ${run.stage}; the checks after that did not run.`,
      fix: "A server this slow is a problem in itself; to let the doctor finish anyway, allow more time with --timeout <seconds>.",
    });
  }
  const { findings } = run.report;
  return {
    baseURL: options.baseURL,
    ...run.report,
    requests: client.requests,
    durationMs: Math.round(performance.now() - started),
    passed: !findings.some((finding) => finding.status === "fail"),
  };
}

async function runChecks(run: Run): Promise<void> {
  const { client, options, report } = run;
  run.stage = "checking /health";
  const server = await checkServer(client);
  add(run, ...server.findings);
  report.server.version = server.version;
  if (!server.reachable) return;

  run.stage = "listing models";
  const models = await checkModels(client, options.apiKey !== undefined, options.model);
  add(run, ...models.findings);
  if (!models.model) return;
  const { model, maxModelLen } = models;
  Object.assign(report.server, { model, maxModelLen });

  run.stage = "streaming a short answer";
  const room = (maxModelLen ?? Number.POSITIVE_INFINITY) - CONTEXT_MARGIN;
  const shortMaxTokens = Math.max(1, Math.min(SHORT_MAX_TOKENS, room));
  const short = await recordChatStream(
    client,
    streamRequest(model, SHORT_QUESTION, shortMaxTokens),
    STREAM_TIMEOUT_MS,
  );
  const observation = observeReasoning(short.events);
  add(run, chatFinding(short, observation, shortMaxTokens));
  if (short.error) return;
  add(run, parserFinding(observation), templateFinding(observation));
  const shortTimeline = tokenTimeline(short.events);
  const shortLatency = streamLatency(shortTimeline);

  run.stage = "comparing sampling defaults";
  add(run, await checkSamplingDefaults(client, model));

  if (shortLatency) {
    report.measurements.shortPrompt = shortLatency;
    add(run, shortLatencyFinding(shortLatency));
  }
  run.stage = "streaming a long prompt";
  add(run, await measureLongPrompt(run, model, maxModelLen));

  const stats = deliveryStats(shortTimeline);
  add(run, bufferingFinding(short, stats, judgeDelivery(stats)), compressionFinding(short));

  if (!shortLatency) return;
  run.stage = `sending ${options.burst} requests at once`;
  const burstRequest = streamRequest(model, SHORT_QUESTION, BURST_MAX_TOKENS);
  const concurrency = await checkConcurrency(client, burstRequest, options.burst, shortLatency.ttftMs);
  report.measurements.burst = concurrency.burst;
  add(run, ...concurrency.findings);
}

async function measureLongPrompt(run: Run, model: string, maxModelLen: number | undefined): Promise<Finding> {
  const room = (maxModelLen ?? Number.POSITIVE_INFINITY) - LONG_MAX_TOKENS - CONTEXT_MARGIN;
  const target = Math.min(LONG_PROMPT_TOKENS, room);
  if (target < MIN_LONG_PROMPT_TOKENS) {
    return skippedLongFinding(
      `max_model_len ${maxModelLen} leaves no room for a prompt of a few thousand tokens.`,
    );
  }
  const prompt = longPrompt(target, crypto.randomUUID().slice(0, 8));
  const stream = await recordChatStream(
    run.client,
    streamRequest(model, prompt, LONG_MAX_TOKENS),
    STREAM_TIMEOUT_MS,
  );
  const latency = stream.error ? undefined : streamLatency(tokenTimeline(stream.events));
  if (!latency) {
    return {
      id: "latency-long",
      status: "fail",
      title: "Long prompt failed",
      detail: `A prompt of about ${target.toLocaleString("en-US")} tokens failed: ${stream.error ?? "no tokens arrived"}.`,
      fix: "Read vLLM's log around this request; long conversations will fail the same way.",
    };
  }
  run.report.measurements.longPrompt = latency;
  return longLatencyFinding(latency);
}
