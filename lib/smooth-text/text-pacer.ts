import { clusterEnd } from "./cluster-boundary";

export interface TextPacerOptions {
  /** The longest a character may wait between arriving and being shown. */
  maxLagMs?: number;
  /** Weight of the newest chunk in the moving average of the arrival rate (0–1: higher adapts faster). */
  smoothing?: number;
}

/** A pause longer than this is the model or the network stalling, not its pace; it counts as this long. */
const MAX_RATE_SAMPLE_GAP_MS = 1000;

interface Arrival {
  atMs: number;
  /** Length of the full text once this chunk had arrived. */
  length: number;
}

/**
 * Decides how much of a streamed text to show at each update (useSmoothText's 12 a second). Servers
 * deliver several tokens per chunk at irregular gaps; showing chunks as they come looks jerky. The pacer
 * instead reveals characters at the rate they have been arriving (a moving average over recent chunks), so
 * they appear evenly, and speeds up whenever that is needed for no character to wait longer than `maxLagMs`.
 *
 * Lengths are UTF-16 indexes into the text, always at a boundary of a user-perceived character.
 * Time is in milliseconds from any monotonic clock (`performance.now()`, a fake clock in tests).
 */
export class TextPacer {
  private readonly maxLagMs: number;
  private readonly smoothing: number;
  private fullText = "";
  private visible = 0;
  /** Characters the pace has earned but not shown yet (fractions, or debt after a wide character). */
  private carry = 0;
  private lastFrameMs: number | undefined;
  /** Chunks not yet fully shown, oldest first. Short: only what arrived within the last `maxLagMs`. */
  private pending: Arrival[] = [];
  private lastArrivalMs: number | undefined;
  private unsampledChars = 0;
  private averageChunkChars = 0;
  private averageChunkGapMs = 0;

  constructor({ maxLagMs = 200, smoothing = 0.2 }: TextPacerOptions = {}) {
    this.maxLagMs = maxLagMs;
    this.smoothing = smoothing;
  }

  get text(): string {
    return this.fullText;
  }

  /** Estimated arrival rate in characters per second; 0 until two chunks have arrived. */
  get arrivalRate(): number {
    return this.averageChunkGapMs > 0 ? (this.averageChunkChars / this.averageChunkGapMs) * 1000 : 0;
  }

  /** Records the whole text so far. A text that does not extend the previous one (edit, regenerate) restarts the pacing. */
  push(fullText: string, nowMs: number): void {
    if (fullText === this.fullText) return;
    if (fullText.startsWith(this.fullText)) {
      this.sampleArrivalRate(fullText.length - this.fullText.length, nowMs);
    } else {
      this.restart(fullText, nowMs);
    }
    this.fullText = fullText;
    if (fullText.length > this.visible) this.pending.push({ atMs: nowMs, length: fullText.length });
  }

  /** Advances to `nowMs` and returns how many UTF-16 units of the text to show. */
  frame(nowMs: number): number {
    const previousFrameMs = this.lastFrameMs ?? nowMs;
    this.lastFrameMs = nowMs;
    this.showOverdueText(nowMs);
    if (this.visible >= this.fullText.length) {
      this.carry = 0;
      return this.visible;
    }

    // The even pace, or more where a pending chunk needs it to be shown by its deadline: the share of its
    // remaining characters that this frame's time is of the time left to the deadline.
    let chars = (this.arrivalRate / 1000) * Math.max(0, nowMs - previousFrameMs);
    for (const arrival of this.pending) {
      const fromMs = Math.max(previousFrameMs, arrival.atMs);
      if (nowMs <= fromMs) continue;
      const deadlineMs = arrival.atMs + this.maxLagMs;
      chars = Math.max(chars, ((arrival.length - this.visible) * (nowMs - fromMs)) / (deadlineMs - fromMs));
    }
    const budget = this.carry + chars;
    const next = clusterEnd(this.fullText, Math.min(this.fullText.length, this.visible + Math.floor(budget)));
    this.carry = next >= this.fullText.length ? 0 : budget - (next - this.visible);
    this.visible = next;
    return next;
  }

  /** Shows the whole text from now on (the stream ended, or pacing was switched off). */
  flush(): void {
    this.visible = this.fullText.length;
    this.pending = [];
    this.carry = 0;
  }

  private showOverdueText(nowMs: number): void {
    let oldest = this.pending[0];
    while (oldest && (oldest.length <= this.visible || oldest.atMs + this.maxLagMs <= nowMs)) {
      this.visible = Math.max(this.visible, oldest.length);
      this.pending.shift();
      oldest = this.pending[0];
    }
  }

  private sampleArrivalRate(addedChars: number, nowMs: number): void {
    // The first chunk's size says nothing about the pace: there is no gap before it to divide by.
    if (this.lastArrivalMs === undefined) {
      this.lastArrivalMs = nowMs;
      return;
    }
    this.unsampledChars += addedChars;
    const gapMs = Math.min(nowMs - this.lastArrivalMs, MAX_RATE_SAMPLE_GAP_MS);
    // Chunks within the same millisecond are one chunk.
    if (gapMs <= 0) return;
    if (this.averageChunkGapMs === 0) {
      this.averageChunkChars = this.unsampledChars;
      this.averageChunkGapMs = gapMs;
    } else {
      this.averageChunkChars += this.smoothing * (this.unsampledChars - this.averageChunkChars);
      this.averageChunkGapMs += this.smoothing * (gapMs - this.averageChunkGapMs);
    }
    this.unsampledChars = 0;
    this.lastArrivalMs = nowMs;
  }

  /** A replaced text keeps what was on screen (up to its new length) and is paced from scratch. */
  private restart(fullText: string, nowMs: number): void {
    this.visible = clusterEnd(fullText, Math.min(this.visible, fullText.length));
    this.pending = [];
    this.carry = 0;
    this.lastArrivalMs = nowMs;
    this.unsampledChars = 0;
    this.averageChunkChars = 0;
    this.averageChunkGapMs = 0;
  }
}
