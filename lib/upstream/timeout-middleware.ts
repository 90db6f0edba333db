import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import type { LanguageModelMiddleware } from "ai";

export type UpstreamTimeoutKind = "first_token_timeout" | "idle_timeout";

/** The model server took too long: before its first token, or between two chunks of a started answer. */
export class UpstreamTimeoutError extends Error {
  constructor(
    readonly kind: UpstreamTimeoutKind,
    readonly afterMs: number,
  ) {
    super(
      kind === "first_token_timeout"
        ? `The model server did not start answering within ${seconds(afterMs)} s; it may be busy with other requests. You can retry.`
        : `The model server sent nothing for ${seconds(afterMs)} s mid-answer. What arrived so far is kept; you can retry.`,
    );
    this.name = "UpstreamTimeoutError";
  }
}

export interface UpstreamTimeouts {
  /** From sending the request to the first reasoning or answer token (queueing and prefill included). */
  firstTokenMs: number;
  /** Longest silence between chunks once the first token arrived. */
  idleMs: number;
}

/**
 * Ends a request the model server stopped serving: the upstream request is aborted (freeing the
 * connection and the server's slot) and the stream fails with an UpstreamTimeoutError naming which
 * wait ran out. Must be the innermost middleware, since it calls the model itself with its own signal.
 */
export function upstreamTimeoutMiddleware(timeouts: UpstreamTimeouts): LanguageModelMiddleware {
  return {
    specificationVersion: "v3",
    async wrapStream({ model, params }) {
      const watch = new DeadlineWatch(timeouts);
      const abortSignal = params.abortSignal
        ? AbortSignal.any([params.abortSignal, watch.signal])
        : watch.signal;
      try {
        const result = await model.doStream({ ...params, abortSignal });
        return { ...result, stream: watch.guard(result.stream) };
      } catch (error) {
        watch.stop();
        throw watch.timeout ?? error;
      }
    },
  };
}

/** One timer per request, re-armed only when it fires, so a fast stream costs no timer work per chunk. */
class DeadlineWatch {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout>;
  private lastChunkAt = 0;
  private firstTokenSeen = false;
  timeout: UpstreamTimeoutError | undefined;

  constructor(private readonly timeouts: UpstreamTimeouts) {
    this.timer = setTimeout(
      () => this.expire("first_token_timeout", timeouts.firstTokenMs),
      timeouts.firstTokenMs,
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  guard(source: ReadableStream<LanguageModelV3StreamPart>): ReadableStream<LanguageModelV3StreamPart> {
    const reader = source.getReader();
    return new ReadableStream<LanguageModelV3StreamPart>({
      pull: async (controller) => {
        let next: ReadableStreamReadResult<LanguageModelV3StreamPart>;
        try {
          next = await reader.read();
        } catch (error) {
          this.stop();
          throw this.timeout ?? error;
        }
        if (next.done) {
          this.stop();
          controller.close();
          return;
        }
        this.seen(next.value);
        controller.enqueue(next.value);
      },
      cancel: (reason) => {
        this.stop();
        return reader.cancel(reason);
      },
    });
  }

  private seen(part: LanguageModelV3StreamPart): void {
    this.lastChunkAt = performance.now();
    if (this.firstTokenSeen || (part.type !== "text-delta" && part.type !== "reasoning-delta")) return;
    this.firstTokenSeen = true;
    clearTimeout(this.timer);
    this.armIdle(this.timeouts.idleMs);
  }

  private armIdle(delayMs: number): void {
    this.timer = setTimeout(() => {
      const silentFor = performance.now() - this.lastChunkAt;
      if (silentFor >= this.timeouts.idleMs) this.expire("idle_timeout", this.timeouts.idleMs);
      else this.armIdle(this.timeouts.idleMs - silentFor);
    }, delayMs);
  }

  private expire(kind: UpstreamTimeoutKind, afterMs: number): void {
    this.timeout = new UpstreamTimeoutError(kind, afterMs);
    this.controller.abort(this.timeout);
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
