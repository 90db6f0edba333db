import "server-only";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText, type UIMessageChunk, wrapLanguageModel } from "ai";
import { type AppConfig, getConfig } from "@/lib/config";
import { r1ReasoningMiddleware } from "@/lib/r1/reasoning-middleware";
import { applyR1Rules, type ConversationTurn } from "@/lib/r1/rules";
import { describeStreamError } from "@/lib/upstream/describe-error";
import { servedModel } from "@/lib/upstream/served-model";
import { streamFailureMiddleware } from "@/lib/upstream/stream-failure-middleware";
import { resolveUpstream } from "@/lib/upstream/upstream";
import type { MessageMetadata } from "./metadata";

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
  { messageId, signal, config = getConfig() }: AnswerOptions,
): Promise<ReadableStream<UIMessageChunk>> {
  const receivedAt = performance.now();
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
  const marks: { first?: number; firstAnswer?: number } = {};

  const result = streamText({
    model: wrapLanguageModel({
      model: provider.chatModel(model.id),
      middleware: [r1ReasoningMiddleware(config.VLLM_REASONING), streamFailureMiddleware()],
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
      console.warn(`[r1-chat] upstream stream ended with an error: ${describeStreamError(error)}`);
    },
    onChunk({ chunk }) {
      if (chunk.type !== "reasoning-delta" && chunk.type !== "text-delta") return;
      const now = performance.now();
      marks.first ??= now;
      if (chunk.type === "text-delta") marks.firstAnswer ??= now;
    },
  });

  return result.toUIMessageStream({
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
        const end = performance.now();
        const reasoningStart =
          marks.first !== undefined && marks.first !== marks.firstAnswer ? marks.first : undefined;
        return {
          finishReason: part.finishReason,
          usage: {
            promptTokens: part.totalUsage.inputTokens,
            completionTokens: part.totalUsage.outputTokens,
          },
          timing: {
            ttftMs: marks.first === undefined ? undefined : marks.first - receivedAt,
            reasoningMs:
              reasoningStart === undefined ? undefined : (marks.firstAnswer ?? end) - reasoningStart,
            answerMs: marks.firstAnswer === undefined ? undefined : end - marks.firstAnswer,
            totalMs: end - receivedAt,
          },
        };
      }
      return undefined;
    },
  });
}
