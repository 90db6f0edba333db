import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText, wrapLanguageModel } from "ai";
import { type ReasoningMode, r1ReasoningMiddleware } from "@/lib/r1/reasoning-middleware";
import type { UpstreamMessage } from "@/lib/r1/rules";
import { describeStreamError } from "@/lib/upstream/describe-error";
import { streamFailureMiddleware } from "@/lib/upstream/stream-failure-middleware";
import type { AnswerEvent } from "./answer-events";
import type { ConnectedUpstream } from "./upstream";

export interface UpstreamRequest {
  messages: UpstreamMessage[];
  /** Left out, the server's own default applies. */
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  continueFinalMessage?: boolean;
}

/** Streams one chat completion as answer events, with reasoning told apart in every vLLM mode. */
export async function* streamFromUpstream(
  upstream: ConnectedUpstream,
  reasoningMode: ReasoningMode,
  request: UpstreamRequest,
  signal: AbortSignal,
): AsyncGenerator<AnswerEvent> {
  const provider = createOpenAICompatible({
    name: "vllm",
    baseURL: upstream.baseURL,
    apiKey: upstream.apiKey,
    includeUsage: true,
  });
  const result = streamText({
    model: wrapLanguageModel({
      model: provider.chatModel(upstream.model.id),
      middleware: [r1ReasoningMiddleware(reasoningMode), streamFailureMiddleware()],
    }),
    messages: request.messages,
    temperature: request.temperature,
    topP: request.topP,
    maxOutputTokens: request.maxTokens,
    // A retry would silently double the latency being measured; failures are reported instead.
    maxRetries: 0,
    abortSignal: signal,
    // Errors arrive as `error` parts below; the SDK's default would also dump them on the console.
    onError: () => {},
    providerOptions: request.continueFinalMessage
      ? { vllm: { continue_final_message: true, add_generation_prompt: false } }
      : undefined,
  });
  for await (const part of result.fullStream) {
    switch (part.type) {
      case "reasoning-delta":
        yield { type: "reasoning", text: part.text };
        break;
      case "text-delta":
        yield { type: "answer", text: part.text };
        break;
      case "error":
        if (signal.aborted) return;
        yield { type: "error", message: describeStreamError(part.error) };
        break;
      case "finish":
        yield {
          type: "finish",
          completionTokens: part.totalUsage.outputTokens,
          finishReason: part.finishReason,
        };
        break;
      case "abort":
        return;
    }
  }
}
