import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { LanguageModelMiddleware } from "ai";

/**
 * A connection that breaks mid-stream makes the provider's stream throw, which would tear down the
 * whole response and lose the reason. This turns the failure into an `error` part followed by a finish,
 * so the client gets a specific message and keeps what had already arrived.
 */
export function streamFailureMiddleware(): LanguageModelMiddleware {
  return {
    specificationVersion: "v3",
    async wrapStream({ doStream }) {
      const result = await doStream();
      return { ...result, stream: endWithErrorPart(result.stream) };
    },
  };
}

type Part = LanguageModelV3StreamPart;

/** Rewrites parts on their way through, in the same stream stage (each extra stage costs on every token). */
export interface PartRewriter {
  push(part: Part, emit: (part: Part) => void): void;
  /** The stream ended: emit whatever was held back. */
  end(emit: (part: Part) => void): void;
}

/**
 * The provider's parts, with a broken connection turned into an `error` part and a finish; `rewriter`, if
 * given, sees every part (those two included) before it goes on.
 */
export function endWithErrorPart(
  source: ReadableStream<Part>,
  rewriter?: PartRewriter,
): ReadableStream<Part> {
  const reader = source.getReader();
  let emit: (part: Part) => void = () => {};
  let pass = emit;
  return new ReadableStream<Part>({
    start(controller) {
      emit = (part) => controller.enqueue(part);
      pass = rewriter ? (part) => rewriter.push(part, emit) : emit;
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (!done) {
          pass(value);
          return;
        }
      } catch (error) {
        pass({ type: "error", error });
        pass({
          type: "finish",
          finishReason: { unified: "error", raw: undefined },
          usage: {
            inputTokens: {
              total: undefined,
              noCache: undefined,
              cacheRead: undefined,
              cacheWrite: undefined,
            },
            outputTokens: { total: undefined, text: undefined, reasoning: undefined },
          },
        });
      }
      rewriter?.end(emit);
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
