import { formatDuration } from "@/lib/cli/answer-timer";
import type { Style } from "@/lib/cli/style";
import { renderTable } from "@/lib/cli/table";
import type { EvalReport, LatencySummary, ModeReport } from "./report";

/** The report as two tables: each problem's correct runs per mode, then accuracy and latency per mode. */
export function formatReport(report: EvalReport, style: Style): string {
  const source = report.simulated ? "built-in simulator" : report.baseURL;
  const heading = style.bold(
    `${report.model} (${source}) · ${report.problemCount} problems × ${report.runs} run${report.runs === 1 ? "" : "s"} · concurrency ${report.concurrency}`,
  );
  const problemRows = [
    ["problem", "topic", "expected", ...report.modes.map((mode) => mode.mode)].map(style.dim),
    ...(report.modes[0]?.problems ?? []).map((problem, index) => [
      problem.id,
      problem.topic,
      problem.expected,
      ...report.modes.map((mode) => correctRuns(mode, index, report.runs, style)),
    ]),
  ];
  const summaryRows = [
    ["mode", "accuracy", "TTFT p50", "TTFT p95", "total p50", "total p95", "tokens", "errors"].map(style.dim),
    ...report.modes.map((mode) => [
      mode.mode,
      accuracy(mode),
      ...latencyCells(mode.latencyMs.ttft),
      ...latencyCells(mode.latencyMs.total),
      mode.meanCompletionTokens === null ? "–" : String(Math.round(mode.meanCompletionTokens)),
      mode.errors === 0 ? "0" : style.red(String(mode.errors)),
    ]),
  ];
  const errors = report.modes.flatMap((mode) =>
    mode.errorMessages.map((message) => style.red(`${mode.mode}: ${message}`)),
  );
  return [
    heading,
    "",
    renderTable(problemRows, new Set(report.modes.map((_, index) => 3 + index))),
    "",
    renderTable(summaryRows, new Set([1, 2, 3, 4, 5, 6, 7])),
    ...(errors.length > 0 ? ["", ...errors] : []),
  ].join("\n");
}

function correctRuns(mode: ModeReport, index: number, runs: number, style: Style): string {
  const correct = mode.problems[index]?.correctRuns ?? 0;
  const cell = `${correct}/${runs}`;
  if (correct === runs) return style.green(cell);
  return correct === 0 ? style.red(cell) : style.yellow(cell);
}

function accuracy(mode: ModeReport): string {
  const { mean, std } = mode.accuracy;
  const spread = std === null ? "" : ` ± ${(std * 100).toFixed(1)} pp`;
  return `${(mean * 100).toFixed(1)}%${spread}`;
}

function latencyCells(summary: LatencySummary): string[] {
  return [formatDuration(summary.p50), formatDuration(summary.p95)];
}
