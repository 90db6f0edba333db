import { mean, percentile, sampleStandardDeviation } from "@/lib/stats";
import type { Problem, Topic } from "./problems";
import type { Attempt, EvalMode } from "./runner";

/** p50 and p95 in milliseconds; null when no request got that far. */
export interface LatencySummary {
  p50: number | null;
  p95: number | null;
}

export interface ProblemOutcome {
  id: string;
  topic: Topic;
  expected: string;
  /** Runs whose final answer matched. */
  correctRuns: number;
  /** The final boxed answer of each run (null: none). */
  answers: (string | null)[];
}

export interface ModeReport {
  mode: EvalMode;
  /** Fraction of problems answered correctly: mean and sample standard deviation over runs (null for one run). */
  accuracy: { mean: number; std: number | null; perRun: number[] };
  latencyMs: { ttft: LatencySummary; total: LatencySummary };
  /** Mean completion tokens per answer (reasoning included), as the server counted them. */
  meanCompletionTokens: number | null;
  errors: number;
  /** Distinct error messages, so a broken server is obvious without reading every attempt. */
  errorMessages: string[];
  problems: ProblemOutcome[];
}

export interface EvalReport {
  model: string;
  baseURL: string;
  simulated: boolean;
  runs: number;
  concurrency: number;
  problemCount: number;
  startedAt: string;
  durationMs: number;
  modes: ModeReport[];
}

export function summarizeMode(
  mode: EvalMode,
  problems: readonly Problem[],
  runs: number,
  attempts: readonly Attempt[],
): ModeReport {
  const own = attempts.filter((attempt) => attempt.mode === mode);
  const perRun = Array.from({ length: runs }, (_, run) => {
    const correct = own.filter((attempt) => attempt.run === run && attempt.correct).length;
    return correct / problems.length;
  });
  const failed = own.filter((attempt) => attempt.error !== undefined);
  return {
    mode,
    accuracy: { mean: mean(perRun), std: finiteOrNull(sampleStandardDeviation(perRun)), perRun },
    latencyMs: {
      ttft: latency(own.flatMap((attempt) => (attempt.ttftMs === undefined ? [] : [attempt.ttftMs]))),
      total: latency(own.filter((attempt) => !attempt.error).map((attempt) => attempt.totalMs)),
    },
    meanCompletionTokens: finiteOrNull(
      mean(
        own.flatMap((attempt) => (attempt.completionTokens === undefined ? [] : [attempt.completionTokens])),
      ),
    ),
    errors: failed.length,
    errorMessages: [...new Set(failed.map((attempt) => attempt.error as string))],
    problems: problems.map((problem) => {
      const mine = own.filter((attempt) => attempt.problemId === problem.id).sort((a, b) => a.run - b.run);
      return {
        id: problem.id,
        topic: problem.topic,
        expected: problem.answer,
        correctRuns: mine.filter((attempt) => attempt.correct).length,
        answers: mine.map((attempt) => attempt.boxed),
      };
    }),
  };
}

function latency(values: number[]): LatencySummary {
  return { p50: finiteOrNull(percentile(values, 50)), p95: finiteOrNull(percentile(values, 95)) };
}

/** JSON has no NaN; null says "not measurable" explicitly. */
function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
