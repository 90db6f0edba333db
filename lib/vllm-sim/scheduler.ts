/** A request as the scheduler sees it. */
export interface Schedulable {
  /** Called once when the request gets a slot in the running batch. */
  admit(): void;
  /** Prompt plus generated tokens: what the request holds in the KV cache while running. */
  readonly kvTokens: number;
}

/**
 * vLLM's admission in miniature: up to `maxNumSeqs` requests run, the rest wait in arrival
 * order. Sets give O(1) removal when a waiting client disconnects.
 */
export class Scheduler {
  private readonly running = new Set<Schedulable>();
  private readonly waiting = new Set<Schedulable>();

  constructor(private readonly maxNumSeqs: number) {}

  get runningCount(): number {
    return this.running.size;
  }

  get waitingCount(): number {
    return this.waiting.size;
  }

  submit(request: Schedulable): void {
    this.waiting.add(request);
    this.admitWaiting();
  }

  /** Frees the request's slot or queue place, whichever it holds. */
  remove(request: Schedulable): void {
    if (this.waiting.delete(request)) return;
    if (this.running.delete(request)) this.admitWaiting();
  }

  kvTokensInUse(): number {
    let total = 0;
    for (const request of this.running) total += request.kvTokens;
    return total;
  }

  private admitWaiting(): void {
    for (const request of this.waiting) {
      if (this.running.size >= this.maxNumSeqs) return;
      this.waiting.delete(request);
      this.running.add(request);
      request.admit();
    }
  }
}
