import "server-only";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText, type UIMessageChunk, wrapLanguageModel } from "ai";
import { type AppConfig, getConfig } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { recordAnswerLatency } from "@/lib/observability/recent-answers";
import { r1RelayMiddleware } from "@/lib/r1/reasoning-middleware";
import { applyR1Rules, type ConversationTurn } from "@/lib/r1/rules";
import { StreamTimer } from "@/lib/timing/stream-timer";
import { classifyStreamError, describeStreamError } from "@/lib/upstream/describe-error";
import { servedModel } from "@/lib/upstream/served-model";
import { upstreamTimeoutMiddleware } from "@/lib/upstream/timeout-middleware";
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
 * Proxy buffering and compression turn a token stream into lumps; these headers ask every hop
 * (nginx, CDNs, Next's own gzip) to pass it through as it is.
 */
export const STREAM_HEADERS = {
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
} as const;

/**
 * Streams one answer from the upstream as UI message chunks: the R1 rules applied to the request,
 * reasoning and answer as separate parts, and the rules and BFF-side timings as message metadata.
 * Throws before streaming (typed errors) when the upstream cannot be reached or the prompt cannot fit.
 */
export async function streamAnswer(
  request: AnswerRequest,
  { messageId, signal, config = getConfig(), onChunk }: AnswerOptions,
): Promise<ReadableStream<UIMessageChunk>> {
  const upstream = await resolveUpstream(config);
  const model = await servedModel(upstream, config.VLLM_MODEL);
  const plan = applyR1Rules(request, {
    maxModelLen: model.maxModelLen,
    defaultMaxTokens: config.R1_DEFAULT_MAX_TOKENS,
    forceThinkPrefix: config.R1_FORCE_THINK_PREFIX,
  });

  const provider = createOpenAICompatible({
    name: "vllm",
    baseURL: upstream.baseURL,
    apiKey: upstream.apiKey,
    includeUsage: true,
  });
  // Timing starts when the upstream request goes out, so TTFT here is the upstream's queue + prefill.
  const startedAt = performance.now();
  const timer = new StreamTimer("bff", startedAt);
  const relay = metrics();
  relay.activeStreams.inc();
  let usage: MessageMetadata["usage"];

  const result = streamText({
    model: wrapLanguageModel({
      model: provider.chatModel(model.id),
      middleware: [
        r1RelayMiddleware(config.VLLM_REASONING),
        upstreamTimeoutMiddleware({
          firstTokenMs: config.UPSTREAM_FIRST_TOKEN_TIMEOUT_MS,
          idleMs: config.UPSTREAM_IDLE_TIMEOUT_MS,
        }),
      ],
    }),
    messages: plan.messages,
    temperature: plan.temperature,
    topP: plan.topP,
    maxOutputTokens: plan.maxTokens,
    // A retry would repeat a long reasoning run the user is already waiting for; they can retry themselves.
    maxRetries: 0,
    abortSignal: signal,
    providerOptions: plan.continueFinalMessage
      ? { vllm: { continue_final_message: true, add_generation_prompt: false } }
      : undefined,
    onError({ error }) {
      const { kind, message } = classifyStreamError(error);
      if (kind !== "aborted") relay.upstreamErrors.inc({ kind });
      logger().warn({ event: "upstream_error", kind }, message);
    },
    onChunk({ chunk }) {
      if (chunk.type !== "reasoning-delta" && chunk.type !== "text-delta") return;
      const now = performance.now();
      const gap = timer.chunk(chunk.type === "reasoning-delta" ? "reasoning" : "answer", now);
      if (gap === undefined) relay.ttft.observe((now - startedAt) / 1000);
      else relay.interTokenLatency.observe(gap / 1000);
    },
  });

  const chunks = result.toUIMessageStream({
    generateMessageId: () => messageId,
    sendReasoning: true,
    onError: describeStreamError,
    messageMetadata({ part }): MessageMetadata | undefined {
      if (part.type === "start") {
        return {
          model: model.id,
          simulated: upstream.simulated,
          rules: plan.applied,
          sampling: { temperature: plan.temperature, topP: plan.topP, maxTokens: plan.maxTokens },
        };
      }
      if (part.type === "finish") {
        const now = performance.now();
        timer.end(now);
        usage = {
          promptTokens: part.totalUsage.inputTokens,
          completionTokens: part.totalUsage.outputTokens,
          reasoningTokens: part.totalUsage.outputTokenDetails?.reasoningTokens,
        };
        return { finishReason: part.finishReason, usage, bffTiming: timer.snapshot(now) };
      }
      return undefined;
    },
  });
  let outcome: "complete" | "stopped" | "error" = "complete";
  let lastTimingSent = 0;
  return chunks.pipeThrough(
    new TransformStream<UIMessageChunk, UIMessageChunk>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        onChunk?.(chunk);
        if (chunk.type === "error") outcome = "error";
        else if (chunk.type === "abort") outcome = "stopped";
        if (chunk.type !== "reasoning-delta" && chunk.type !== "text-delta") return;
        // The BFF's running figures go out as metadata every TIMING_UPDATE_MS, never per token.
        const now = performance.now();
        if (now - lastTimingSent < TIMING_UPDATE_MS) return;
        lastTimingSent = now;
        controller.enqueue({ type: "message-metadata", messageMetadata: { bffTiming: timer.snapshot(now) } });
      },
      flush() {
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
    }),
  );
}

function round(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : Math.round(ms * 10) / 10;
}
