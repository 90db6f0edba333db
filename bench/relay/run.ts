/**
 * Relay benchmark: the same streams directly against the simulator, through a byte-for-byte pipe, and
 * through the BFF's POST /api/chat, at N = 1, 32, 128 and 512 open streams. Simulator, app, pipe and
 * load client each run in their own process.
 *   npm run bench:relay                 (-- --build to rebuild first, -- --levels 1,128 to pick levels,
 *                                        -- --cpu-prof <dir> to profile the app)
 * Writes bench/results/relay.json and relay.md, regenerates BENCHMARKS.md; exits 1 if a target is missed.
 */
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEFAULT_MODEL } from "../../lib/vllm-sim";
import { writeBenchmarksTable } from "../benchmarks-table";
import { ensureProductionBuild, startApp } from "../render/processes";
import { startChild, startLoadClient } from "./children";
import type { PhasePlan, PhaseResult } from "./load-client";
import { groupUsage, processUsage, samplePeakRss } from "./os-usage";
import { added, type Level, type RelayReport, targetsFor, writeReport } from "./report";
import { bffBody, OUTPUT_TOKENS, type Route, SCRIPTED_REPLY } from "./requests";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RESULTS = fileURLToPath(new URL("../results", import.meta.url));
const TARGET_STREAMS = 128;
const ADDED_GAP_LIMIT_MS = 5;
const IDLE_WAIT_MS = 20_000;
/** Sequential one-token answers that measure what an answer costs the app apart from its tokens. */
const ANSWER_COST_REQUESTS = 200;
/** Add 256 (or any level) with --levels for a finer search of the highest rate; this set keeps a run near 4 minutes. */
const DEFAULT_LEVELS = "1,32,128,512";

const SIM_OPTIONS = {
  ttftMs: 20,
  itlMs: 10,
  streamInterval: 1,
  jitter: 0,
  // Fixed timing: no slower decode as the batch grows, no prefill cost for the (different) prompts.
  itlGrowthPerRunning: 0,
  prefillMsPerKToken: 0,
  // Room for every stream of the largest level, so none waits in the simulator's queue.
  maxNumSeqs: 1024,
  scriptedResponse: SCRIPTED_REPLY,
};
const LIFETIME_MS = SIM_OPTIONS.ttftMs + (OUTPUT_TOKENS - 1) * SIM_OPTIONS.itlMs;

const { values: args } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    levels: { type: "string", default: DEFAULT_LEVELS },
    "cpu-prof": { type: "string" },
  },
});
const levels = args.levels.split(",").map(Number);

const round2 = (values: number[]) => values.map((value) => Math.round(value * 100) / 100);

async function main(): Promise<void> {
  ensureProductionBuild(ROOT, args.build);
  const loadAtStart = round2(loadavg());
  const sim = await startChild("sim-server.ts", [JSON.stringify(SIM_OPTIONS)]);
  const stops: (() => Promise<void>)[] = [sim.stop];
  try {
    const pipe = await startChild("pipe.ts", [sim.url]);
    stops.push(pipe.stop);
    const cpuProf = args["cpu-prof"];
    const app = await startApp(ROOT, `${sim.url}/v1`, {
      nodeArgs: cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : undefined,
      // Every stream comes from one client: the per-owner and per-IP limits would turn most of them away.
      env: {
        RATE_LIMIT_OWNER_PER_MINUTE: "1000000",
        RATE_LIMIT_IP_PER_MINUTE: "1000000",
        MAX_STREAMS_PER_OWNER: "100000",
        MAX_UPSTREAM_STREAMS: "100000",
      },
    });
    stops.push(app.stop);
    const client = startLoadClient();
    stops.push(client.stop);
    const urls: Record<Route, string> = { direct: sim.url, pipe: pipe.url, bff: app.url };
    const phase = (route: Route, streams: number, rounds: number, expectedTokens?: number) =>
      client.run({
        plan: {
          route,
          baseUrl: urls[route],
          model: DEFAULT_MODEL,
          streams,
          rounds,
          lifetimeMs: LIFETIME_MS,
          deadlineMs: Math.max(20_000, LIFETIME_MS * rounds * 3),
        } satisfies PhasePlan,
        expectedTokens,
      });

    // The very first chat request pays for whatever start-up left cold; measured before any warm-up.
    const coldBff = await phase("bff", 1, 1);
    const coldDirect = await phase("direct", 1, 1);
    const expected = coldDirect.tokenChunksPerRequest.max;
    console.log(
      `cold first request: BFF TTFT ${coldBff.ttftMs.p50.toFixed(1)} ms, direct ${coldDirect.ttftMs.p50.toFixed(1)} ms; ${expected} token chunks per answer`,
    );
    for (const route of ["direct", "pipe", "bff"] as const) await phase(route, 32, 2, expected);

    const measured: Level[] = [];
    for (const streams of levels) {
      const rounds = streams === 1 ? 5 : 3;
      await untilIdle(sim.url);
      const direct = await phase("direct", streams, rounds, expected);
      await untilIdle(sim.url);
      const pipeBefore = processUsage(pipe.pid);
      const pipeTokensBefore = await generatedTokens(sim.url);
      const pipeResult = await phase("pipe", streams, rounds, expected);
      await untilIdle(sim.url);
      const pipeAfter = processUsage(pipe.pid);
      const pipeTokens = (await generatedTokens(sim.url)) - pipeTokensBefore;
      const before = groupUsage(app.pid);
      const tokensBefore = await generatedTokens(sim.url);
      const rss = samplePeakRss(app.pid);
      const bff = await phase("bff", streams, rounds, expected);
      const peakRss = rss.stop();
      // Answers go on after their reader leaves (a phase deadline): their tokens and CPU count too.
      await untilIdle(sim.url);
      const after = groupUsage(app.pid);
      const relayedTokens = (await generatedTokens(sim.url)) - tokensBefore;
      const level: Level = {
        streams,
        direct,
        pipe: pipeResult,
        bff,
        added: { bff: added(bff, direct), pipe: added(pipeResult, direct) },
        bffCpuUsPerToken: usPerToken(after.cpuMs - before.cpuMs, relayedTokens),
        bffSysUsPerToken: usPerToken(after.sysMs - before.sysMs, relayedTokens),
        pipeCpuUsPerToken: usPerToken(pipeAfter.cpuMs - pipeBefore.cpuMs, pipeTokens),
        pipeSysUsPerToken: usPerToken(pipeAfter.sysMs - pipeBefore.sysMs, pipeTokens),
        bffRssKbPerStream: Math.max(0, peakRss - before.rssBytes) / 1024 / streams,
      };
      measured.push(level);
      printLevel(level);
    }

    await untilIdle(sim.url);
    const answerCpuMs = await cpuPerAnswer(app);
    console.log(`app CPU per answer apart from its tokens: ${answerCpuMs.toFixed(2)} ms`);

    const passing = measured.filter(
      (level) => level.added.bff.gapP99Ms < ADDED_GAP_LIMIT_MS && level.bff.errors === 0,
    );
    const maxRate = Math.max(0, ...passing.map((level) => level.bff.aggregateTokensPerSecond));
    const targets = targetsFor(measured, TARGET_STREAMS, maxRate, answerCpuMs, OUTPUT_TOKENS);
    const report: RelayReport = {
      date: new Date().toISOString(),
      command: `npm run bench:relay${args.levels === DEFAULT_LEVELS ? "" : ` -- --levels ${args.levels}`}`,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "unknown",
        node: process.versions.node,
        loadAverage: { start: loadAtStart, end: round2(loadavg()) },
      },
      setup: { ...SIM_OPTIONS, scriptedResponse: undefined, outputTokens: OUTPUT_TOKENS },
      coldStart: {
        bffTtftMs: coldBff.ttftMs.p50,
        directTtftMs: coldDirect.ttftMs.p50,
        addedTtftMs: coldBff.ttftMs.p50 - coldDirect.ttftMs.p50,
      },
      levels: measured,
      answerCpuMs,
      maxTokensPerSecondUnder5ms: maxRate,
      targetStreams: TARGET_STREAMS,
      targets,
    };
    writeReport(RESULTS, report);
    writeBenchmarksTable(RESULTS);
    console.table(targets);
    if (targets.some((target) => target.pass === false)) process.exitCode = 1;
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}

/**
 * The app's CPU time per answer of one token, asked one after another: the work every answer costs
 * whatever its length (routing, validation, storage, limits, the upstream request), which an answer of
 * OUTPUT_TOKENS tokens spreads over them.
 */
async function cpuPerAnswer(app: { url: string; pid: number }): Promise<number> {
  const ask = async (index: number) => {
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: bffBody(`answer-cost-${process.pid}-${index}`, 1),
    });
    await response.text();
  };
  for (let index = 0; index < 20; index++) await ask(index);
  const before = groupUsage(app.pid);
  for (let index = 20; index < 20 + ANSWER_COST_REQUESTS; index++) await ask(index);
  return (groupUsage(app.pid).cpuMs - before.cpuMs) / ANSWER_COST_REQUESTS;
}

/** Microseconds per token of `cpuMs` spent relaying `tokens` tokens. */
function usPerToken(cpuMs: number, tokens: number): number {
  return (cpuMs * 1000) / Math.max(1, tokens);
}

/** Tokens the simulator has generated so far: what the app relayed, whether or not a client still read it. */
async function generatedTokens(simUrl: string): Promise<number> {
  const metrics = await (await fetch(`${simUrl}/metrics`)).text();
  const line = metrics.split("\n").find((candidate) => candidate.startsWith("vllm:generation_tokens_total{"));
  return Number(line?.split(" ").at(-1) ?? 0);
}

/** Waits (at most IDLE_WAIT_MS) until the simulator runs nothing, so no phase pays for the one before. */
async function untilIdle(simUrl: string): Promise<void> {
  const deadline = Date.now() + IDLE_WAIT_MS;
  while (Date.now() < deadline) {
    const { server_load } = (await (await fetch(`${simUrl}/load`)).json()) as { server_load: number };
    if (server_load === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function printLevel({
  streams,
  added: { bff, pipe },
  bffCpuUsPerToken,
  pipeCpuUsPerToken,
  direct,
}: Level & { direct: PhaseResult }) {
  console.log(
    `${streams} streams: direct gap p99 ${direct.gapMs.p99.toFixed(2)} ms; ` +
      `pipe adds TTFT ${pipe.ttftP50Ms.toFixed(2)}/${pipe.ttftP99Ms.toFixed(2)}, gap ${pipe.gapP50Ms.toFixed(2)}/${pipe.gapP99Ms.toFixed(2)}; ` +
      `BFF adds TTFT ${bff.ttftP50Ms.toFixed(2)}/${bff.ttftP99Ms.toFixed(2)}, gap ${bff.gapP50Ms.toFixed(2)}/${bff.gapP99Ms.toFixed(2)} ms; ` +
      `${bffCpuUsPerToken.toFixed(1)} µs CPU/token (pipe ${pipeCpuUsPerToken.toFixed(1)})`,
  );
}

await main();
