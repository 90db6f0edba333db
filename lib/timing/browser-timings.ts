import { type ArrivalListener, tapArrivals } from "./arrival-tap";
import { StreamTimer, type TimingSnapshot } from "./stream-timer";

export interface BrowserTiming extends TimingSnapshot {
  /** Network reads that carried token chunks; many chunks per read means something buffers. */
  reads: number;
  /** The stream was a catch-up after a reload: its first part arrived at once, so gaps say little. */
  resumed: boolean;
}

interface Entry {
  timer: StreamTimer;
  reads: number;
  resumed: boolean;
}

/**
 * Arrival times of the chat's token chunks, on the browser's clock, per answer. Kept apart from the
 * BFF's figures (which come in message metadata, on the BFF's clock) so the two are never mixed.
 */
export class BrowserTimings {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  /** Wraps a chat response so its arrivals are recorded; `sentAt` is when the request went out. */
  tap(response: Response, sentAt: number, resumed: boolean): Response {
    if (!response.ok || !response.body) return response;
    return new Response(tapArrivals(response.body, this.listener(sentAt, resumed)), {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  /** Records the arrivals of one response, for a tap that runs elsewhere (the stream worker). */
  listener(sentAt: number, resumed: boolean): ArrivalListener {
    let entry: Entry | undefined;
    return {
      start: (messageId) => {
        entry = { timer: new StreamTimer("browser", sentAt), reads: 0, resumed };
        this.entries.set(messageId, entry);
      },
      read: (kinds, at) => {
        if (!entry) return;
        entry.reads++;
        for (const kind of kinds) entry.timer.chunk(kind, at);
        this.changed();
      },
      end: (at) => {
        entry?.timer.end(at);
        this.changed();
      },
    };
  }

  get(messageId: string, now: number): BrowserTiming | undefined {
    const entry = this.entries.get(messageId);
    if (!entry) return undefined;
    return { ...entry.timer.snapshot(now), reads: entry.reads, resumed: entry.resumed };
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

export const browserTimings = new BrowserTimings();
