import "server-only";
import type { UIMessageChunk } from "ai";
import { type AppConfig, getConfig } from "@/lib/config";
import type { ChunkSource } from "@/lib/generation/hub";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { recordAnswerLatency } from "@/lib/observability/recent-answers";
import { applyR1Rules, type ConversationTurn } from "@/lib/r1/rules";
import { relayAnswer } from "@/lib/relay/answer-relay";
import { StreamTimer } from "@/lib/timing/stream-timer";
import { classifyStreamError } from "@/lib/upstream/describe-error";
import { servedModel } from "@/lib/upstream/served-model";
import { resolveUpstream } from "@/lib/upstream/upstream";
import type { MessageMetadata } from "./metadata";

/** While an answer streams, the BFF's timing figures go to the browser this often. */
const TIMING_UPDATE_MS = 250;

export interface AnswerRequest {
  turns: ConversationTurn[];
  persona?: string;
  temperature?: number;
  maxTokens?: number;
}

export interface AnswerOptions {
  /** The id the answer gets in the UI message stream (and in storage). */
  messageId: string;
  /** Aborting it aborts the upstream request. */
  signal: AbortSignal;
  config?: AppConfig;
  /** Told every chunk as it passes (storage, say), without a copy of the stream. */
  onChunk?: (chunk: UIMessageChunk) => void;
}

/**
 * Streams one answer from the upstream as UI message chunks: the R1 rules applied to the request,
 * reasoning and answer as separate parts, and the rules and BFF-side timings as message metadata.
 * The request is sent at once. Throws before streaming (typed errors) when the upstream cannot be
 * reached or the prompt cannot fit.
 */
export async function streamAnswer(
  request: AnswerRequest,
  { messageId, signal, config = getConfig(), onChunk }: AnswerOptions,
): Promise<ChunkSource> {
  const upstream = await resolveUpstream(config);
  const model = await servedModel(upstream, config.VLLM_MODEL);
  const plan = applyR1Rules(request, {
    maxModelLen: model.maxModelLen,
    defaultMaxTokens: config.R1_DEFAULT_MAX_TOKENS,
    forceThinkPrefix: config.R1_FORCE_THINK_PREFIX,
  });

  // Timing starts when the upstream request goes out, so TTFT here is the upstream's queue + prefill.
  const startedAt = performance.now();
  const timer = new StreamTimer("bff", startedAt);
  const relay = metrics();
  relay.activeStreams.inc();
  let usage: MessageMetadata["usage"];
  let lastTimingSent = 0;

  return relayAnswer(
    {
      baseURL: upstream.baseURL,
      apiKey: upstream.apiKey,
      body: {
        model: model.id,
        messages: plan.messages,
        temperature: plan.temperature,
        top_p: plan.topP,
        max_tokens: plan.maxTokens,
        ...(plan.continueFinalMessage && { continue_final_message: true, add_generation_prompt: false }),
        stream: true,
        stream_options: { include_usage: true },
      },
      signal,
      messageId,
      startMetadata: {
        model: model.id,
        simulated: upstream.simulated,
        rules: plan.applied,
        sampling: { temperature: plan.temperature, topP: plan.topP, maxTokens: plan.maxTokens },
      },
      timeouts: {
        firstTokenMs: config.UPSTREAM_FIRST_TOKEN_TIMEOUT_MS,
        idleMs: config.UPSTREAM_IDLE_TIMEOUT_MS,
      },
      reasoning: config.VLLM_REASONING,
    },
    {
      delta(kind, now) {
        const gap = timer.chunk(kind, now);
        if (gap === undefined) relay.ttft.observe((now - startedAt) / 1000);
        else relay.interTokenLatency.observe(gap / 1000);
        // The BFF's running figures go out as metadata every TIMING_UPDATE_MS, never per token.
        if (now - lastTimingSent < TIMING_UPDATE_MS) return undefined;
        lastTimingSent = now;
        return { bffTiming: timer.snapshot(now) };
      },
      finish(finishReason, finalUsage, now) {
        timer.end(now);
        usage = finalUsage;
        return { finishReason, usage, bffTiming: timer.snapshot(now) };
      },
      error(error) {
        const { kind, message } = classifyStreamError(error);
        if (kind !== "aborted") relay.upstreamErrors.inc({ kind });
        logger().warn({ event: "upstream_error", kind }, message);
        return message;
      },
      chunk: onChunk,
      end(outcome) {
        relay.activeStreams.dec();
        relay.requests.inc({ outcome });
        if (outcome === "stopped") relay.abortedStreams.inc();
        const timing = timer.snapshot(performance.now());
        recordAnswerLatency({
          at: Date.now(),
          outcome,
          ttftMs: timing.ttftMs,
          gapP50Ms: timing.gaps.p50Ms,
          gapP95Ms: timing.gaps.p95Ms,
        });
        logger().info(
          {
            event: "answer",
            model: model.id,
            outcome,
            ttftMs: round(timing.ttftMs),
            thinkingMs: round(timing.phases.thinkingMs),
            answeringMs: round(timing.phases.answeringMs),
            chunks: timing.chunks.reasoning + timing.chunks.answer,
            gapP50Ms: round(timing.gaps.p50Ms),
            gapP95Ms: round(timing.gaps.p95Ms),
            stalls: timing.stalls.count,
            completionTokens: usage?.completionTokens,
          },
          "answer finished",
        );
      },
    },
  );
}

function round(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}
