import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { PhaseResult } from "./load-client";

export interface Added {
  ttftP50Ms: number;
  ttftP99Ms: number;
  gapP50Ms: number;
  gapP99Ms: number;
}

export interface Level {
  streams: number;
  direct: PhaseResult;
  pipe: PhaseResult;
  bff: PhaseResult;
  /** What the BFF and the pipe add over the direct route (differences of percentiles). */
  added: { bff: Added; pipe: Added };
  /** The app's CPU time (user + system, from /proc) per token chunk it relayed in the BFF phase. */
  bffCpuUsPerToken: number;
  /** The system (kernel) part of it. */
  bffSysUsPerToken: number;
  /**
   * The pipe's, in the pipe phase: what reading a token from one socket and writing it to another costs
   * on this machine with no parsing at all, the floor under the BFF's figure.
   */
  pipeCpuUsPerToken: number;
  pipeSysUsPerToken: number;
  /** Growth of the app's RSS while the BFF phase ran, per open stream. */
  bffRssKbPerStream: number;
}

export interface Target {
  metric: string;
  value: string;
  target: string;
  pass: boolean | null;
}

export interface RelayReport {
  date: string;
  command: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverage: { start: number[]; end: number[] } };
  setup: Record<string, unknown>;
  /** The first chat request after `next start`, before any warm-up. */
  coldStart: { bffTtftMs: number; directTtftMs: number; addedTtftMs: number };
  levels: Level[];
  /** The app's CPU time per one-token answer, asked sequentially: what an answer costs apart from its tokens. */
  answerCpuMs: number;
  /** The highest aggregate rate whose BFF added inter-token p99 stays under 5 ms (0 when none). */
  maxTokensPerSecondUnder5ms: number;
  targetStreams: number;
  targets: Target[];
}

export function added(route: PhaseResult, direct: PhaseResult): Added {
  return {
    ttftP50Ms: route.ttftMs.p50 - direct.ttftMs.p50,
    ttftP99Ms: route.ttftMs.p99 - direct.ttftMs.p99,
    gapP50Ms: route.gapMs.p50 - direct.gapMs.p50,
    gapP99Ms: route.gapMs.p99 - direct.gapMs.p99,
  };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export function targetsFor(
  levels: Level[],
  targetStreams: number,
  maxRate: number,
  answerCpuMs: number,
  tokensPerAnswer: number,
): Target[] {
  const level = levels.find((candidate) => candidate.streams === targetStreams);
  const errors = levels.reduce(
    (sum, { direct, pipe, bff }) => sum + direct.errors + pipe.errors + bff.errors,
    0,
  );
  const rows: Target[] = [];
  if (level) {
    const { bff } = level.added;
    rows.push(
      {
        metric: `added TTFT p50 @ ${targetStreams}`,
        value: ms(bff.ttftP50Ms),
        target: "≤ 5 ms",
        pass: bff.ttftP50Ms <= 5,
      },
      {
        metric: `added TTFT p99 @ ${targetStreams}`,
        value: ms(bff.ttftP99Ms),
        target: "≤ 20 ms",
        pass: bff.ttftP99Ms <= 20,
      },
      { metric: `added inter-token p50 @ ${targetStreams}`, value: ms(bff.gapP50Ms), target: "", pass: null },
      {
        metric: `added inter-token p99 @ ${targetStreams}`,
        value: ms(bff.gapP99Ms),
        target: "≤ 5 ms",
        pass: bff.gapP99Ms <= 5,
      },
      {
        metric: `app CPU per relayed token @ ${targetStreams}`,
        value: `${level.bffCpuUsPerToken.toFixed(1)} µs`,
        target: "≤ 25 µs",
        pass: level.bffCpuUsPerToken <= 25,
      },
      {
        metric: `app CPU per relayed token in the kernel (socket reads and writes) @ ${targetStreams}`,
        value: `${level.bffSysUsPerToken.toFixed(1)} µs`,
        target: "",
        pass: null,
      },
      {
        metric: `byte-for-byte pipe's CPU per relayed token @ ${targetStreams} (the floor; in the kernel)`,
        value: `${level.pipeCpuUsPerToken.toFixed(1)} µs (${level.pipeSysUsPerToken.toFixed(1)} µs)`,
        target: "",
        pass: null,
      },
      {
        metric: `app memory per active stream @ ${targetStreams}`,
        value: `${level.bffRssKbPerStream.toFixed(0)} KB`,
        target: "",
        pass: null,
      },
      {
        metric: `token chunks per answer @ ${targetStreams}, BFF vs direct`,
        value: `${chunkRange(level.bff)} vs ${chunkRange(level.direct)}`,
        target: "equal (none held back or merged)",
        pass: sameChunks(level.bff, level.direct),
      },
    );
  }
  rows.push(
    {
      metric: `app CPU per answer apart from its tokens (one-token answers, one at a time); per token of a ${tokensPerAnswer}-token answer`,
      value: `${answerCpuMs.toFixed(2)} ms; ${((answerCpuMs * 1000) / tokensPerAnswer).toFixed(1)} µs`,
      target: "",
      pass: null,
    },
    {
      metric: "highest aggregate tokens/s with added inter-token p99 < 5 ms",
      value: maxRate.toFixed(0),
      target: "",
      pass: null,
    },
    { metric: "errors (all levels, all routes)", value: String(errors), target: "0", pass: errors === 0 },
  );
  return rows;
}

const chunkRange = ({ tokenChunksPerRequest: { min, max } }: PhaseResult) =>
  min === max ? String(min) : `${min}–${max}`;

const sameChunks = (a: PhaseResult, b: PhaseResult) =>
  a.tokenChunksPerRequest.min === b.tokenChunksPerRequest.min &&
  a.tokenChunksPerRequest.max === b.tokenChunksPerRequest.max;

export function writeReport(dir: string, report: RelayReport): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "relay.json"), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, "relay.md"), markdownFor(report));
}

const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(2)}`;

function markdownFor(report: RelayReport): string {
  const { machine } = report;
  const rows = report.levels.map(
    ({
      streams,
      direct,
      pipe,
      bff,
      added: add,
      bffCpuUsPerToken,
      bffSysUsPerToken,
      pipeCpuUsPerToken,
      pipeSysUsPerToken,
      bffRssKbPerStream,
    }) =>
      [
        streams,
        `${direct.ttftMs.p50.toFixed(1)} / ${direct.ttftMs.p99.toFixed(1)}`,
        `${direct.gapMs.p50.toFixed(2)} / ${direct.gapMs.p99.toFixed(2)}`,
        `${signed(add.pipe.ttftP50Ms)} / ${signed(add.pipe.ttftP99Ms)}`,
        `${signed(add.pipe.gapP50Ms)} / ${signed(add.pipe.gapP99Ms)}`,
        `${signed(add.bff.ttftP50Ms)} / ${signed(add.bff.ttftP99Ms)}`,
        `${signed(add.bff.gapP50Ms)} / ${signed(add.bff.gapP99Ms)}`,
        `${bffCpuUsPerToken.toFixed(1)} (${bffSysUsPerToken.toFixed(1)})`,
        `${pipeCpuUsPerToken.toFixed(1)} (${pipeSysUsPerToken.toFixed(1)})`,
        bffRssKbPerStream.toFixed(0),
        bff.aggregateTokensPerSecond.toFixed(0),
        direct.errors + pipe.errors + bff.errors,
      ].join(" | "),
  );
  return [
    "# Relay benchmark",
    "",
    `${report.date} · \`${report.command}\` · ${machine.cpus} × ${machine.cpuModel} · Node ${machine.node} · load average ${machine.loadAverage.start.join(" ")} at the start, ${machine.loadAverage.end.join(" ")} at the end`,
    "",
    "Simulator: " +
      Object.entries(report.setup)
        .map(([key, value]) => `${key} ${JSON.stringify(value)}`)
        .join(", "),
    "",
    "| target | measured | target | pass |",
    "| --- | --- | --- | --- |",
    ...report.targets.map(
      (t) => `| ${t.metric} | ${t.value} | ${t.target} | ${t.pass === null ? "" : t.pass ? "✅" : "❌"} |`,
    ),
    "",
    `Cold start: the first chat request after \`next start\` reached its first token ${report.coldStart.bffTtftMs.toFixed(1)} ms after it was sent (direct: ${report.coldStart.directTtftMs.toFixed(1)} ms, added ${report.coldStart.addedTtftMs.toFixed(1)} ms).`,
    "",
    "All times in ms; “added” is the route's percentile minus the direct route's. TTFT and gaps are p50 / p99. CPU per token is user + system time, the system (kernel) part in brackets.",
    "",
    "| streams | direct TTFT | direct gap | pipe added TTFT | pipe added gap | BFF added TTFT | BFF added gap | BFF CPU µs/token (kernel) | pipe CPU µs/token (kernel) | BFF KB/stream | BFF tokens/s | errors |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}
