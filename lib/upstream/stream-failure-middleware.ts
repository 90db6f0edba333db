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

/** The provider's parts, with a broken connection turned into an `error` part and a finish. */
function endWithErrorPart(source: ReadableStream<Part>): ReadableStream<Part> {
  const reader = source.getReader();
  return new ReadableStream<Part>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (!done) {
          controller.enqueue(value);
          return;
        }
      } catch (error) {
        controller.enqueue({ type: "error", error });
        controller.enqueue({
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
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
