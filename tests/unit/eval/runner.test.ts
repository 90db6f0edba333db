import { describe, expect, it } from "vitest";
import { createStyle } from "@/lib/cli/style";
import { mapWithConcurrency } from "@/lib/eval/concurrency";
import { formatReport } from "@/lib/eval/format-report";
import type { Problem } from "@/lib/eval/problems";
import { type EvalReport, summarizeMode } from "@/lib/eval/report";
import { type AskModel, runEval } from "@/lib/eval/runner";

const problems: Problem[] = [
  { id: "half", topic: "arithmetic", question: "Compute 1/2.", answer: "\\frac{1}{2}" },
  { id: "roots", topic: "algebra", question: "Solve x^2 - 5x + 6 = 0.", answer: "2, 3" },
];

describe("mapWithConcurrency", () => {
  it("keeps the input order and never exceeds the limit", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (delay) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running--;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});

describe("runEval and summarizeMode", () => {
  /** Right on every problem in run 0; in run 1 wrong on "roots" and failing outright on "half" in raw mode. */
  function scriptedModel(): AskModel {
    const calls = new Map<string, number>();
    return async (question, mode) => {
      const key = `${mode} ${question}`;
      const run = calls.get(key) ?? 0;
      calls.set(key, run + 1);
      const latency = { ttftMs: 10 * (run + 1), totalMs: 100 * (run + 1), completionTokens: 50 * (run + 1) };
      if (question.includes("x^2")) {
        return {
          ...latency,
          answerText: run === 0 ? "So \\(\\boxed{x = 3 \\text{ or } x = 2}\\)." : "\\boxed{6}",
        };
      }
      if (mode === "raw" && run === 1) return { answerText: "", totalMs: 5, error: "HTTP 503" };
      return { ...latency, answerText: "Thus \\boxed{\\dfrac{1}{2}}, i.e. \\boxed{0.5}." };
    };
  }

  it("grades each run's final boxed answer and reports accuracy over runs", async () => {
    const attempts = await runEval({
      problems,
      runs: 2,
      modes: ["r1-rules", "raw"],
      concurrency: 1,
      ask: scriptedModel(),
    });
    expect(attempts).toHaveLength(8);
    expect(attempts[0]).toMatchObject({
      mode: "r1-rules",
      run: 0,
      problemId: "half",
      boxed: "0.5",
      correct: true,
    });

    const r1 = summarizeMode("r1-rules", problems, 2, attempts);
    expect(r1.accuracy.perRun).toEqual([1, 0.5]);
    expect(r1.accuracy.mean).toBe(0.75);
    expect(r1.accuracy.std).toBeCloseTo(Math.sqrt(0.125), 12);
    expect(r1.latencyMs.ttft).toEqual({ p50: 15, p95: 20 });
    expect(r1.problems[1]).toMatchObject({
      id: "roots",
      correctRuns: 1,
      answers: ["x = 3 \\text{ or } x = 2", "6"],
    });
    expect(r1.meanCompletionTokens).toBe(75);
    expect(r1.errors).toBe(0);

    const raw = summarizeMode("raw", problems, 2, attempts);
    expect(raw.accuracy.perRun).toEqual([1, 0]);
    expect(raw.errors).toBe(1);
    expect(raw.errorMessages).toEqual(["HTTP 503"]);
    expect(raw.problems[0]).toMatchObject({ correctRuns: 1, answers: ["0.5", null] });
    // Failed requests say nothing about how long an answer takes.
    expect(raw.latencyMs.total).toEqual({ p50: 100, p95: 190 });
  });

  it("has no standard deviation for a single run and no latency when nothing answered", async () => {
    const failing: AskModel = async () => ({ answerText: "", totalMs: 1, error: "refused" });
    const attempts = await runEval({ problems, runs: 1, modes: ["raw"], concurrency: 4, ask: failing });
    const summary = summarizeMode("raw", problems, 1, attempts);
    expect(summary.accuracy).toEqual({ mean: 0, std: null, perRun: [0] });
    expect(summary.latencyMs).toEqual({ ttft: { p50: null, p95: null }, total: { p50: null, p95: null } });
  });

  it("formats the report as tables", async () => {
    const attempts = await runEval({
      problems,
      runs: 2,
      modes: ["r1-rules", "raw"],
      concurrency: 2,
      ask: scriptedModel(),
    });
    const report: EvalReport = {
      model: "r1",
      baseURL: "http://127.0.0.1:8000/v1",
      simulated: false,
      runs: 2,
      concurrency: 2,
      problemCount: problems.length,
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      modes: (["r1-rules", "raw"] as const).map((mode) => summarizeMode(mode, problems, 2, attempts)),
    };
    const text = formatReport(report, createStyle(false));
    expect(text).toContain("r1 (http://127.0.0.1:8000/v1) · 2 problems × 2 runs");
    expect(text).toMatch(/^roots\s+algebra\s+2, 3\s+1\/2\s+1\/2$/m);
    expect(text).toMatch(/^r1-rules\s+75\.0% ± 35\.4 pp\s+15 ms\s+20 ms\s+150 ms\s+200 ms\s+75\s+0$/m);
    expect(text).toContain("raw: HTTP 503");
  });
});
