/**
 * Load and soak of the BFF, on loopback only: many concurrent answers streamed through `next start`
 * from the vLLM simulator (the clients ramp up over RAMP_MS, then each asks again as soon as its answer
 * has ended), then thousands of short answers one after another (a few at a time).
 *   npm run test:load              500 concurrent streams for 60 s, then a soak of 5,000 answers
 *   npm run test:load -- --short   100 streams for 15 s and 1,000 answers (what `npm test` runs)
 * Needs a production build (`next build`). Writes bench/results/load.json and regenerates BENCHMARKS.md
 * (the full run) or reports/load.json (--short); exits 1 if a target is missed.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { REPLAY_AFTER_END_MS } from "../../lib/generation/hub";
import { startAppServer } from "../../tests/e2e/app-server";
import { closedPort } from "../../tests/support/ports";
import { writeBenchmarksTable } from "../benchmarks-table";
import { liveHeapMiB } from "./heap";
import { streamTurn, type TurnResult } from "./turn";

const SHORT = process.argv.includes("--short");
const PLAN = {
  ...(SHORT
    ? { streams: 100, seconds: 15, soakAnswers: 1_000 }
    : { streams: 500, seconds: 60, soakAnswers: 5_000 }),
  ...numberArgs(["streams", "seconds", "soakAnswers"]),
};

/** `--streams 200 --seconds 30 --soak-answers 2000` override the plan. */
function numberArgs(names: string[]): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const name of names) {
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    const at = process.argv.indexOf(flag);
    const value = Number(process.argv[at + 1]);
    if (at !== -1 && Number.isInteger(value) && value > 0) overrides[name] = value;
  }
  return overrides;
}
const SOAK_CONCURRENCY = 8;
const SOAK_CHECKPOINTS = 5;
/** A stream that waits longer than this for its first token, or between two tokens, counts as starved. */
const STARVED_MS = 15_000;
/** Memory after the load, once idle, may exceed the idle baseline by at most this share of the baseline. */
const MEMORY_SETTLED_RATIO = 1.5;
/** Finished answers stay replayable (in memory) for REPLAY_AFTER_END_MS: memory is read once they are let go. */
const SETTLE_MS = REPLAY_AFTER_END_MS + 5_000;
/**
 * The clients start over this long, as load tools ramp up: 500 questions sent in one instant would measure
 * a thundering herd that no chat sees, and answers of one length would keep them in lockstep after.
 */
const RAMP_MS = 10_000;
/**
 * Growth allowed in the live heap once idle, from before the soak to after it. Checkpoints during the soak
 * only show the trend: they hold the last REPLAY_AFTER_END_MS of answers, which fills up at a rate that
 * depends on the machine's speed, so a first checkpoint inside that window reads low.
 */
const SOAK_MEMORY_GROWTH_RATIO = 1.2;
const SOAK_FD_GROWTH = 10;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((candidate) => candidate.startsWith("VmRSS:"));
  return Math.round(Number(line?.split(/\s+/)[1] ?? 0) / 1024);
}

const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Simulator {
  load(): Promise<{ running: number; waiting: number }>;
  stop(): Promise<void>;
}

/**
 * The simulator in its own process, so its token timers and the load's readers do not share one event
 * loop. Many sequences at once, no slowdown per running sequence and a near-instant prefill: the BFF is
 * under test, not a GPU's queue.
 */
async function simulator(port: number, fast: boolean): Promise<Simulator> {
  const timing = fast
    ? ["--ttft-ms", "1", "--itl-ms", "1", "--reasoning-tokens", "8"]
    : ["--ttft-ms", "5", "--itl-ms", "60", "--reasoning-tokens", "100"];
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "lib/vllm-sim/cli.ts",
      "--port",
      String(port),
      "--max-num-seqs",
      "4096",
      "--kv-cache-capacity-tokens",
      "100000000",
      "--itl-growth-per-running",
      "0",
      "--prefill-ms-per-k-token",
      "0",
      ...timing,
    ],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const load = async () => {
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const gauge = (name: string) =>
      Number(
        metrics
          .split("\n")
          .find((line) => line.startsWith(name))
          ?.split(" ")
          .at(-1) ?? Number.NaN,
      );
    return { running: gauge("vllm:num_requests_running"), waiting: gauge("vllm:num_requests_waiting") };
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await load();
      break;
    } catch (error) {
      if (attempt > 100) throw error;
      await sleep(200);
    }
  }
  return {
    load,
    async stop() {
      child.kill();
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const simPort = await closedPort();
  let sim = await simulator(simPort, false);
  const inspectorPort = await closedPort();
  const app = await startAppServer(await closedPort(), {
    NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}`,
    VLLM_BASE_URL: `http://127.0.0.1:${simPort}/v1`,
    LOG_LEVEL: "warn",
    RATE_LIMIT_OWNER_PER_MINUTE: "100000",
    RATE_LIMIT_IP_PER_MINUTE: "1000000",
    MAX_UPSTREAM_STREAMS: String(PLAN.streams * 2),
  });
  try {
    // Warm-up: every route compiled and loaded, pools and caches filled, before the baseline is taken.
    await Promise.all(Array.from({ length: 20 }, () => streamTurn(app.url)));
    await sleep(2_000);
    const memory = async () => ({
      heapMiB: await liveHeapMiB(inspectorPort),
      rssMiB: rssMiB(app.pid),
      fds: openFds(app.pid),
    });
    // Read once the answers before it have left the replay window, so they are not counted as growth.
    const memoryOnceSettled = async () => {
      await sleep(SETTLE_MS);
      return memory();
    };
    const baseline = await memory();
    console.log(
      `Baseline: ${baseline.heapMiB} MiB live heap, ${baseline.rssMiB} MiB RSS, ${baseline.fds} open fds`,
    );

    console.log(`Load: ${PLAN.streams} concurrent streams for ${PLAN.seconds} s…`);
    let peakRss = baseline.rssMiB;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(app.pid));
    }, 500);
    const endAt = Date.now() + PLAN.seconds * 1_000;
    // A short run ramps over at most half its window, so every client still streams at full load.
    const rampMs = Math.min(RAMP_MS, (PLAN.seconds * 1_000) / 2);
    const results: TurnResult[] = [];
    await Promise.all(
      Array.from({ length: PLAN.streams }, async (_, client) => {
        await sleep((client * rampMs) / PLAN.streams);
        while (Date.now() < endAt) results.push(await streamTurn(app.url));
      }),
    );
    clearInterval(sampler);
    const settled = await memoryOnceSettled();

    const failed = results.filter((result) => result.error !== undefined);
    const starved = results.filter(
      (result) =>
        result.firstTokenMs === undefined || result.firstTokenMs > STARVED_MS || result.maxGapMs > STARVED_MS,
    );
    const load = {
      streams: PLAN.streams,
      seconds: PLAN.seconds,
      answers: results.length,
      errors: failed.length,
      firstErrors: [...new Set(failed.map((result) => result.error))].slice(0, 3),
      starved: starved.length,
      firstTokenMs: {
        p50: Math.round(percentile(firstTokens(results), 50)),
        p99: Math.round(percentile(firstTokens(results), 99)),
      },
      maxGapMs: {
        p50: percentile(gaps(results), 50),
        p99: percentile(gaps(results), 99),
        max: Math.max(...gaps(results)),
      },
      tokensPerSecond: Math.round(results.reduce((sum, result) => sum + result.deltas, 0) / PLAN.seconds),
      liveHeapMiB: { baseline: baseline.heapMiB, settled: settled.heapMiB },
      rssMiB: { baseline: baseline.rssMiB, peak: peakRss, settled: settled.rssMiB },
      fds: { baseline: baseline.fds, settled: settled.fds },
      upstreamStillRunning: (await sim.load()).running,
    };
    console.log(JSON.stringify(load, null, 2));

    console.log(`Soak: ${PLAN.soakAnswers} short answers, ${SOAK_CONCURRENCY} at a time…`);
    await sim.stop();
    sim = await simulator(simPort, true);
    const checkpoints: { answers: number; heapMiB: number; rssMiB: number; fds: number }[] = [];
    const soakErrors: string[] = [];
    let done = 0;
    const perCheckpoint = PLAN.soakAnswers / SOAK_CHECKPOINTS;
    let next = 0;
    await Promise.all(
      Array.from({ length: SOAK_CONCURRENCY }, async () => {
        while (next < PLAN.soakAnswers) {
          next++;
          const result = await streamTurn(app.url);
          if (result.error !== undefined) soakErrors.push(result.error);
          done++;
          if (done % perCheckpoint === 0) {
            checkpoints.push({ answers: done, ...(await memory()) });
          }
        }
      }),
    );
    const first = checkpoints[0];
    const last = checkpoints.at(-1);
    const afterSoak = await memoryOnceSettled();
    const soak = {
      answers: done,
      concurrency: SOAK_CONCURRENCY,
      errors: soakErrors.length,
      firstErrors: [...new Set(soakErrors)].slice(0, 3),
      checkpoints,
      liveHeapMiB: { before: settled.heapMiB, settled: afterSoak.heapMiB },
    };
    console.log(JSON.stringify(soak, null, 2));

    const targets = [
      { target: "no failed stream under load", met: load.errors === 0 },
      {
        target: `no stream starved (first token or a gap over ${STARVED_MS / 1000} s)`,
        met: load.starved === 0,
      },
      {
        target: `live heap once idle within ${MEMORY_SETTLED_RATIO}× the idle baseline`,
        met: settled.heapMiB <= baseline.heapMiB * MEMORY_SETTLED_RATIO,
      },
      { target: "no upstream stream left running", met: load.upstreamStillRunning === 0 },
      { target: "no failed answer in the soak", met: soakErrors.length === 0 },
      {
        target: `soak live heap once idle grows less than ${Math.round((SOAK_MEMORY_GROWTH_RATIO - 1) * 100)}% from before the soak`,
        met: afterSoak.heapMiB <= settled.heapMiB * SOAK_MEMORY_GROWTH_RATIO,
      },
      {
        target: `soak open fds grow by at most ${SOAK_FD_GROWTH}`,
        met: !!first && !!last && last.fds <= first.fds + SOAK_FD_GROWTH,
      },
    ];
    for (const { target, met } of targets) console.log(`${met ? "PASS" : "FAIL"}  ${target}`);
    writeResults({
      short: SHORT,
      plan: PLAN,
      cpus: cpus().length,
      loadAverage: loadavg(),
      measuredAt: new Date().toISOString(),
      load,
      soak,
      targets,
    });
    process.exitCode = targets.every((target) => target.met) ? 0 : 1;
  } finally {
    await app.stop();
    await sim.stop();
  }
}

const firstTokens = (results: TurnResult[]) =>
  results.flatMap((result) => (result.firstTokenMs === undefined ? [] : [result.firstTokenMs]));
const gaps = (results: TurnResult[]) => results.map((result) => result.maxGapMs);

interface LoadResults {
  short: boolean;
  plan: typeof PLAN;
  cpus: number;
  loadAverage: number[];
  measuredAt: string;
  load: object;
  soak: object;
  targets: { target: string; met: boolean }[];
}

function writeResults(results: LoadResults): void {
  const dir = results.short ? `${ROOT}reports` : `${ROOT}bench/results`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/load.json`, `${JSON.stringify(results, null, 2)}\n`);
  if (!results.short) writeBenchmarksTable(dir);
}

await main();
