import type { AnswerEvent } from "./answer-events";

/** Client-side timings of one answer, in milliseconds from sending the question. */
export interface AnswerTiming {
  /** To the first reasoning or answer token. */
  ttftMs?: number;
  /** From the first reasoning token to the first answer token (or the end, when no answer came). */
  reasoningMs?: number;
  /** From the first answer token to the end. */
  answerMs?: number;
  totalMs: number;
  completionTokens?: number;
  /** Completion tokens over the time tokens were arriving, i.e. the decode rate the user experiences. */
  tokensPerSecond?: number;
}

/** Watches an answer's events and turns the moments they arrive into `AnswerTiming`. */
export class AnswerTimer {
  private readonly startedAt: number;
  private firstToken?: number;
  private firstReasoning?: number;
  private firstAnswer?: number;
  private completionTokens?: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  observe(event: AnswerEvent): void {
    if (event.type === "reasoning" || event.type === "answer") {
      const at = this.now();
      this.firstToken ??= at;
      if (event.type === "reasoning") this.firstReasoning ??= at;
      else this.firstAnswer ??= at;
    } else if (event.type === "finish") {
      this.completionTokens = event.completionTokens;
    }
  }

  finish(): AnswerTiming {
    const end = this.now();
    const { startedAt, firstToken, firstReasoning, firstAnswer, completionTokens } = this;
    const generatingMs = firstToken === undefined ? undefined : end - firstToken;
    return {
      ttftMs: firstToken === undefined ? undefined : firstToken - startedAt,
      reasoningMs: firstReasoning === undefined ? undefined : (firstAnswer ?? end) - firstReasoning,
      answerMs: firstAnswer === undefined ? undefined : end - firstAnswer,
      totalMs: end - startedAt,
      completionTokens,
      tokensPerSecond:
        completionTokens !== undefined && generatingMs !== undefined && generatingMs > 0
          ? completionTokens / (generatingMs / 1000)
          : undefined,
    };
  }
}

/** `850 ms`, `1.52 s`; `–` for what was not measured. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === undefined || ms === null) return "–";
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** `TTFT 31 ms · reasoning 1.52 s · answer 840 ms · 262 tokens · 111.0 tokens/s` */
export function formatTiming(timing: AnswerTiming): string {
  return [
    `TTFT ${formatDuration(timing.ttftMs)}`,
    `reasoning ${formatDuration(timing.reasoningMs)}`,
    `answer ${formatDuration(timing.answerMs)}`,
    `${timing.completionTokens ?? "–"} tokens`,
    `${timing.tokensPerSecond === undefined ? "–" : timing.tokensPerSecond.toFixed(1)} tokens/s`,
  ].join(" · ");
}
