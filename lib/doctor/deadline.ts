/** Thrown when the run's overall time limit passes; the checks done so far still make a report. */
export class DeadlineExceeded extends Error {
  constructor() {
    super("the doctor's time limit passed");
    this.name = "DeadlineExceeded";
  }
}

/**
 * The run's time limit combined with the caller's signal, from which every request derives its own
 * shorter limit, so no single slow endpoint can eat the whole budget.
 */
export class Deadline {
  private readonly limit: AbortSignal;
  readonly signal: AbortSignal;

  constructor(
    timeoutMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.limit = AbortSignal.timeout(timeoutMs);
    this.signal = caller ? AbortSignal.any([caller, this.limit]) : this.limit;
  }

  /** A signal for one request: aborts at `ms` or when the run ends, whichever comes first. */
  forRequest(ms: number): AbortSignal {
    return AbortSignal.any([this.signal, AbortSignal.timeout(ms)]);
  }

  /** Re-throws a failure as the reason the run must stop, if there is one; otherwise returns. */
  throwIfOver(): void {
    if (this.caller?.aborted) throw this.caller.reason;
    if (this.limit.aborted) throw new DeadlineExceeded();
  }
}
