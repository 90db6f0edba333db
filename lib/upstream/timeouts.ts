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
 * Ends a request the model server stopped serving: `signal` aborts (freeing the connection and the
 * server's slot) with an UpstreamTimeoutError naming which wait ran out. One timer per request, re-armed
 * only when it fires, so a fast stream costs no timer work per chunk.
 */
export class DeadlineWatch {
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

  /** Something arrived at `now`; `token` when it carried reasoning or answer text. */
  seen(now: number, token: boolean): void {
    this.lastChunkAt = now;
    if (this.firstTokenSeen || !token) return;
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
