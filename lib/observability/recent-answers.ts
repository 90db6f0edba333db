import "server-only";
import { percentileOfSorted } from "@/lib/stats";

export interface AnswerSummary {
  /** Epoch milliseconds when the answer ended. */
  at: number;
  outcome: "complete" | "stopped" | "error";
  ttftMs?: number;
  gapP50Ms?: number;
  gapP95Ms?: number;
}

export interface RecentLatency {
  answers: AnswerSummary[];
  ttftMs: { p50?: number; p95?: number };
  gapP95Ms: { p50?: number; p95?: number };
}

const CAPACITY = 200;
const KEY = Symbol.for("r1-chat.recent-answers");
type Holder = { [KEY]?: AnswerSummary[] };

function window(): AnswerSummary[] {
  const holder = globalThis as Holder;
  holder[KEY] ??= [];
  return holder[KEY];
}

/** Keeps the last answers' latency so /status can chart recent percentiles without a time-series store. */
export function recordAnswerLatency(summary: AnswerSummary): void {
  const answers = window();
  answers.push(summary);
  if (answers.length > CAPACITY) answers.splice(0, answers.length - CAPACITY);
}

const nearestRank = (sorted: number[], p: number) => percentileOfSorted(sorted, p, "nearest-rank");

export function recentLatency(): RecentLatency {
  const answers = [...window()];
  const sortedOf = (pick: (answer: AnswerSummary) => number | undefined) =>
    answers
      .map(pick)
      .filter((value): value is number => value !== undefined)
      .sort((a, b) => a - b);
  const ttft = sortedOf((answer) => answer.ttftMs);
  const gapP95 = sortedOf((answer) => answer.gapP95Ms);
  return {
    answers,
    ttftMs: { p50: nearestRank(ttft, 50), p95: nearestRank(ttft, 95) },
    gapP95Ms: { p50: nearestRank(gapP95, 50), p95: nearestRank(gapP95, 95) },
  };
}
