import type { FinishReason } from "./chunks";
import type { FaultPlan } from "./faults";
import type { FinishedReason, SimMetrics } from "./metrics";
import type { SimOptions } from "./options";
import type { Random } from "./prng";
import type { Schedulable, Scheduler } from "./scheduler";
import type { TokenPlan } from "./token-plan";

/** Where a generation's progress goes: an SSE stream or a buffered JSON response. */
export interface GenerationSink {
  /** Tokens [from, to) of the plan were generated; `finishReason` is set on the last batch. */
  onTokens(from: number, to: number, finishReason: FinishReason | null): void;
  /** The engine failed mid-generation (`error-after` fault). */
  onEngineError(): void;
  /** The connection must drop without a proper ending (`cut-after` fault). */
  onConnectionCut(): void;
}

/** Shared per-server state that every generation uses. */
export interface Engine {
  options: SimOptions;
  scheduler: Scheduler;
  metrics: SimMetrics;
  /** Timing jitter only; response text has its own per-request generator. */
  timingRandom: Random;
}

export interface GenerationRequest {
  plan: TokenPlan;
  promptTokens: number;
  maxTokens: number;
  faults: FaultPlan;
}

const seconds = (ms: number) => ms / 1000;

/**
 * Plays a token plan out in time: waits for a batch slot, then the first token after the
 * prefill delay, then one timer per streamed chunk. Never busy-waits, so hundreds of
 * concurrent generations cost one pending timer each.
 */
export class Generation implements Schedulable {
  private generated = 0;
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private done = false;
  private nextStall = 0;
  private readonly arrivedAt = performance.now();
  private lastStepAt = 0;

  constructor(
    private readonly engine: Engine,
    private readonly request: GenerationRequest,
    private readonly sink: GenerationSink,
  ) {}

  get kvTokens(): number {
    return this.request.promptTokens + this.generated;
  }

  start(): void {
    this.engine.scheduler.submit(this);
  }

  admit(): void {
    const { options, metrics } = this.engine;
    metrics.requestScheduled(seconds(performance.now() - this.arrivedAt), this.request.promptTokens);
    const prefillMs = (options.prefillMsPerKToken * this.request.promptTokens) / 1000;
    const firstTokenMs = this.jittered(options.ttftMs + prefillMs) + this.request.faults.extraFirstTokenMs;
    this.schedule(firstTokenMs + this.takeStallMs());
  }

  /** The client went away: stop at once and give the slot back. */
  abort(): void {
    this.finish("abort");
  }

  private schedule(delayMs: number): void {
    // Timeouts are clamped to 1 ms; a zero delay means "as fast as the event loop allows".
    if (delayMs > 0) this.timer = setTimeout(this.step, delayMs);
    else this.immediate = setImmediate(this.step);
  }

  private readonly step = (): void => {
    const { faults, plan, maxTokens } = this.request;
    if (faults.errorAfterTokens !== undefined && this.generated >= faults.errorAfterTokens) {
      this.finish("error");
      this.sink.onEngineError();
      return;
    }
    if (faults.cutAfterTokens !== undefined && this.generated >= faults.cutAfterTokens) {
      this.finish("abort");
      this.sink.onConnectionCut();
      return;
    }
    const from = this.generated;
    const to = Math.min(
      from + this.engine.options.streamInterval,
      plan.tokens.length,
      maxTokens,
      this.nextFaultAt(),
    );
    this.generated = to;
    this.recordStep(from, to);

    let finishReason: FinishReason | null = null;
    if (to === plan.tokens.length) finishReason = "stop";
    else if (to >= maxTokens) finishReason = "length";
    if (finishReason) this.finish(finishReason);
    else this.schedule(this.nextGapMs() + this.takeStallMs());
    this.sink.onTokens(from, to, finishReason);
  };

  private recordStep(from: number, to: number): void {
    const now = performance.now();
    const { metrics } = this.engine;
    if (from === 0) metrics.firstToken(seconds(now - this.arrivedAt));
    metrics.tokensGenerated(to - from, from === 0 ? undefined : seconds(now - this.lastStepAt));
    this.lastStepAt = now;
  }

  /** Batches end exactly where a fault is due, so "after n tokens" holds at any stream interval. */
  private nextFaultAt(): number {
    const { faults } = this.request;
    let limit = Number.POSITIVE_INFINITY;
    for (const at of [
      faults.errorAfterTokens,
      faults.cutAfterTokens,
      faults.stalls[this.nextStall]?.afterTokens,
    ]) {
      if (at !== undefined && at > this.generated) limit = Math.min(limit, at);
    }
    return limit;
  }

  private takeStallMs(): number {
    const { stalls } = this.request.faults;
    let ms = 0;
    for (let stall = stalls[this.nextStall]; stall && stall.afterTokens <= this.generated; ) {
      ms += stall.ms;
      stall = stalls[++this.nextStall];
    }
    return ms;
  }

  /** Decode slows as the batch grows; a chunk waits for all of its tokens. */
  private nextGapMs(): number {
    const { itlMs, itlGrowthPerRunning, streamInterval } = this.engine.options;
    const othersRunning = Math.max(0, this.engine.scheduler.runningCount - 1);
    return this.jittered((itlMs + itlGrowthPerRunning * othersRunning) * streamInterval);
  }

  private jittered(ms: number): number {
    const { jitter } = this.engine.options;
    if (jitter === 0) return ms;
    return ms * (1 + jitter * (2 * this.engine.timingRandom() - 1));
  }

  private finish(reason: FinishedReason): void {
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.engine.scheduler.remove(this);
    this.engine.metrics.requestFinished(reason, seconds(performance.now() - this.arrivedAt));
  }
}
