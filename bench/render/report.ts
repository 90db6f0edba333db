import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeBenchmarksTable } from "../benchmarks-table";
import type { TwoPassMetrics } from "./measure";

/** What the final page showed, so a fast run that rendered nothing cannot pass. */
export interface RenderChecks {
  formulas: number;
  boxes: number;
  errors: number;
  highlightedTokens: number;
}

export interface SideResult {
  metrics: TwoPassMetrics;
  checks: RenderChecks;
}

export interface RenderReport {
  date: string;
  /** The load average when the run started: other work on the machine stretches tasks into long ones. */
  machine: { cpus: number; loadAverage: number; browser: string };
  fixture: { tokens: number; reasoningTokens: number; answerTokens: number; formulas: number };
  targetTokensPerSecond: number;
  ours: SideResult;
  baseline: SideResult;
  targets: Target[];
}

export interface Target {
  metric: string;
  ours: string;
  baseline: string;
  target: string;
  pass: boolean | null;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const perToken = (value: number) => `${value.toFixed(3)} ms`;
const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

export function targetsFor(ours: TwoPassMetrics, baseline: TwoPassMetrics): Target[] {
  const saving = baseline.answerMsPerToken / ours.answerMsPerToken;
  return [
    {
      metric: "long tasks (> 50 ms) while streaming",
      ours: String(ours.longTasks),
      baseline: String(baseline.longTasks),
      target: "0",
      pass: ours.longTasks === 0,
    },
    {
      metric: "total blocking time",
      ours: ms(ours.totalBlockingMs),
      baseline: ms(baseline.totalBlockingMs),
      target: "0 ms (follows from no long tasks)",
      pass: ours.totalBlockingMs === 0,
    },
    {
      metric: "longest task",
      ours: ms(ours.longestTaskMs),
      baseline: ms(baseline.longestTaskMs),
      target: "",
      pass: null,
    },
    {
      metric: "p95 frame interval",
      ours: ms(ours.p95FrameMs),
      baseline: ms(baseline.p95FrameMs),
      target: "< 20 ms",
      pass: ours.p95FrameMs < 20,
    },
    {
      metric: "main thread per token, first 20% of the answer",
      ours: perToken(ours.answerStartMsPerToken),
      baseline: perToken(baseline.answerStartMsPerToken),
      target: "",
      pass: null,
    },
    {
      metric: "main thread per token, last 20% of the answer",
      ours: perToken(ours.answerEndMsPerToken),
      baseline: perToken(baseline.answerEndMsPerToken),
      target: "",
      pass: null,
    },
    {
      metric: "per-token cost, end / start",
      ours: ours.endToStartRatio.toFixed(2),
      baseline: baseline.endToStartRatio.toFixed(2),
      target: "≤ 1.5",
      pass: ours.endToStartRatio <= 1.5,
    },
    {
      metric: "main thread per answer token",
      ours: perToken(ours.answerMsPerToken),
      baseline: perToken(baseline.answerMsPerToken),
      target: `≥ 10× less than baseline (${saving.toFixed(1)}×)`,
      pass: saving >= 10,
    },
    {
      metric: "main thread per answer token, with the frame probe running",
      ours: perToken(ours.answerMsPerTokenWithFrameProbe),
      baseline: perToken(baseline.answerMsPerTokenWithFrameProbe),
      target: "",
      pass: null,
    },
    {
      metric: "main thread during the answer",
      ours: ms(ours.answerMainThreadMs),
      baseline: ms(baseline.answerMainThreadMs),
      target: "",
      pass: null,
    },
    {
      metric: "main thread busy during the answer",
      ours: percent(ours.answerBusyShare),
      baseline: percent(baseline.answerBusyShare),
      target: "",
      pass: null,
    },
    {
      metric: "main thread per reasoning token",
      ours: perToken(ours.reasoningMsPerToken),
      baseline: perToken(baseline.reasoningMsPerToken),
      target: "",
      pass: null,
    },
    {
      metric: "tokens per second delivered",
      ours: ours.tokensPerSecond.toFixed(0),
      baseline: baseline.tokensPerSecond.toFixed(0),
      target: "150",
      pass: null,
    },
  ];
}

export function writeReport(dir: string, report: RenderReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "render.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, "render.md"), markdownFor(report));
  writeBenchmarksTable(dir);
}

function markdownFor(report: RenderReport): string {
  const { fixture, ours, baseline } = report;
  const rows = report.targets.map(
    (row) =>
      `| ${row.metric} | ${row.ours} | ${row.baseline} | ${row.target} | ${row.pass === null ? "" : row.pass ? "pass" : "FAIL"} |`,
  );
  const tenths = (side: SideResult) =>
    side.metrics.answerMsPerTokenByTenth.map((value) => value.toFixed(2)).join(", ");
  const checks = (side: SideResult) =>
    `${side.checks.formulas} formulas, ${side.checks.boxes} \\boxed, ${side.checks.errors} KaTeX errors, ` +
    `${side.checks.highlightedTokens} highlighted code tokens`;
  return [
    "# Render benchmark",
    "",
    `${report.date} · ${report.machine.cpus} CPUs, load average ${report.machine.loadAverage.toFixed(1)} at the start · ` +
      `${report.machine.browser} · \`npm run bench:render\``,
    "",
    `A ${fixture.tokens}-token R1 reply (${fixture.reasoningTokens} reasoning, ${fixture.answerTokens} answer tokens, ` +
      `${fixture.formulas} formulas, tables, code, a final \\boxed{}) streamed at ${report.targetTokensPerSecond} tokens/s ` +
      "into the real chat page (production build, simulator with a scripted reply) and into a baseline page that " +
      "re-renders the whole answer with react-markdown + remark-math + rehype-katex on every update. Main-thread " +
      "time is the CPU time of the renderer's main thread (CDP ThreadTime). Each page is measured twice over the " +
      "same stream: frame intervals in a pass with a frame probe (an animation-frame loop, which by itself makes " +
      "the browser render every frame), main-thread time in a pass without it; long tasks count over both passes.",
    "",
    "| metric | ours | baseline | target | result |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    "Main-thread time per token in each tenth of the answer:",
    "",
    `- ours: ${tenths(ours)}`,
    `- baseline: ${tenths(baseline)}`,
    "",
    `The answer starts at token ${fixture.reasoningTokens + 1}. Long tasks in ours (token reached: duration, and what ran in it): ` +
      `${ours.metrics.longTaskLog.map((task) => `${task.atToken}: ${task.durationMs.toFixed(0)} ms${task.cause ? ` (${task.cause})` : ""}`).join("; ") || "none"}.`,
    "",
    `Rendered at the end: ours ${checks(ours)}; baseline ${checks(baseline)}.`,
    "",
  ].join("\n");
}
