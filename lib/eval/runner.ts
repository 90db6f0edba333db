import { extractFinalBoxed } from "@/lib/markdown/extract-final-boxed";
import { answersMatch } from "./answer-match";
import { mapWithConcurrency } from "./concurrency";
import type { Problem } from "./problems";

/** `r1-rules`: the question as the app sends it; `raw`: the bare question with the server's default sampling. */
export type EvalMode = "r1-rules" | "raw";

export interface ModelReply {
  /** The answer without the reasoning. */
  answerText: string;
  ttftMs?: number;
  totalMs: number;
  completionTokens?: number;
  error?: string;
}

export type AskModel = (question: string, mode: EvalMode) => Promise<ModelReply>;

export interface Attempt {
  mode: EvalMode;
  /** 0-based. */
  run: number;
  problemId: string;
  /** The final `\boxed{}` content, or null when there was none (or the request failed). */
  boxed: string | null;
  correct: boolean;
  ttftMs?: number;
  totalMs: number;
  completionTokens?: number;
  error?: string;
}

export interface EvalPlan {
  problems: readonly Problem[];
  runs: number;
  modes: readonly EvalMode[];
  concurrency: number;
  ask: AskModel;
  onAttempt?: (attempt: Attempt) => void;
}

/** Asks every problem `runs` times in every mode and grades each final boxed answer. */
export function runEval({
  problems,
  runs,
  modes,
  concurrency,
  ask,
  onAttempt,
}: EvalPlan): Promise<Attempt[]> {
  // Mode by mode, so the two modes' latencies are measured under the same load rather than each other's.
  const tasks = modes.flatMap((mode) =>
    Array.from({ length: runs }, (_, run) => problems.map((problem) => ({ mode, run, problem }))).flat(),
  );
  return mapWithConcurrency(tasks, concurrency, async ({ mode, run, problem }) => {
    const reply = await ask(problem.question, mode);
    const boxed = reply.error ? null : extractFinalBoxed(reply.answerText);
    const attempt: Attempt = {
      mode,
      run,
      problemId: problem.id,
      boxed,
      correct: boxed !== null && answersMatch(boxed, problem.answer),
      ttftMs: reply.ttftMs,
      totalMs: reply.totalMs,
      completionTokens: reply.completionTokens,
      error: reply.error,
    };
    onAttempt?.(attempt);
    return attempt;
  });
}
