/**
 * Lighthouse (its Node API, mobile defaults with simulated throttling) on Debian's Chromium, against the
 * production build on the built-in vLLM simulator: the new-chat page, the widget page opened directly
 * (as its frame loads it) and a share page made through the API, each audited three times (the median
 * run counts).
 *   npm run bench:lighthouse        (add -- --build to rebuild the app first, -- --runs N for N runs)
 * The same audits run on a floor page (bench/lighthouse/floor: Next.js and React with one control), so
 * the app's scores can be read against what the framework alone scores on this machine.
 * Writes bench/results/lighthouse.json and regenerates BENCHMARKS.md; exits 1 if a score of the app is under its target.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import lighthouse, { type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { startSimServer } from "../../lib/vllm-sim";
import { chromiumLaunchOptions } from "../../tests/e2e/chromium";
import { writeBenchmarksTable } from "../benchmarks-table";
import { ensureProductionBuild, freePort, startApp } from "../render/processes";
import { startFloorApp } from "./floor-app";
import { createShare } from "./share";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const MIN_SCORE = 95;
/** Runs per page (`-- --runs N`); the performance score varies from run to run, most on a loaded machine. */
const RUNS = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 3;

/** The site the widget page is audited for; the app allows it while the audit runs. */
const WIDGET_HOST = "https://widget-host.example";

/** The pages to audit; the share page's path is known only once the conversation is shared. */
const pagesToAudit = (sharePath: string) => [
  { name: "new chat", path: "/" },
  { name: "widget", path: `/embed?origin=${encodeURIComponent(WIDGET_HOST)}` },
  { name: "share page", path: sharePath },
];

interface PageResult {
  name: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that cost points, with what Lighthouse says about them. */
  findings: { id: string; title: string; score: number | null; displayValue?: string; items?: unknown[] }[];
  metrics: Record<string, number | undefined>;
  /** The scores of every run, the median one above. */
  runs: PageResult["scores"][];
}

async function runLighthouse(port: number, url: string): Promise<Result> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`);
  return lhr;
}

const scoresOf = (lhr: Result) =>
  Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  ) as PageResult["scores"];

/**
 * Audits `url` RUNS times and reports the median run, as Lighthouse advises for its variable performance
 * score (the run whose first paint and time to interactive are nearest the medians), with every run's scores.
 */
async function audit(port: number, url: string): Promise<Omit<PageResult, "name" | "path">> {
  const runs: Result[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runLighthouse(port, url));
  return { ...describeRun(computeMedianRun(runs)), runs: runs.map(scoresOf) };
}

function describeRun(lhr: Result): Omit<PageResult, "name" | "path" | "runs"> {
  const scores = scoresOf(lhr);
  const counted = new Set(
    CATEGORIES.flatMap(
      (id) => lhr.categories[id]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? [],
    ),
  );
  const findings = Object.values(lhr.audits)
    .filter((entry) => counted.has(entry.id) && entry.score !== null && entry.score < 0.9)
    .map((entry) => ({
      id: entry.id,
      title: entry.title,
      score: entry.score,
      displayValue: entry.displayValue,
      // What it found (the console's errors, the slow scripts…), a few of each, for the results file.
      items: entry.details && "items" in entry.details ? entry.details.items.slice(0, 3) : undefined,
    }));
  const metric = (id: string) => lhr.audits[id]?.numericValue;
  return {
    scores,
    findings,
    metrics: {
      firstContentfulPaintMs: metric("first-contentful-paint"),
      largestContentfulPaintMs: metric("largest-contentful-paint"),
      totalBlockingTimeMs: metric("total-blocking-time"),
      cumulativeLayoutShift: metric("cumulative-layout-shift"),
      speedIndexMs: metric("speed-index"),
    },
  };
}

async function main(): Promise<void> {
  ensureProductionBuild(ROOT, process.argv.includes("--build"));
  const sim = await startSimServer({ ttftMs: 1, itlMs: 1 });
  // The widget page renders only for an allowed site (the app reads this when it starts).
  process.env.EMBED_ALLOWED_ORIGINS = WIDGET_HOST;
  const app = await startApp(ROOT, `${sim.url}/v1`);
  const floor = await startFloorApp(ROOT, process.argv.includes("--build"));
  const debuggingPort = await freePort();
  const browser = await chromium.launch({
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, `--remote-debugging-port=${debuggingPort}`],
  });
  try {
    const pages: PageResult[] = [];
    for (const page of pagesToAudit(await createShare(app.url))) {
      console.log(`Lighthouse on ${page.path}…`);
      pages.push({ ...page, ...(await audit(debuggingPort, `${app.url}${page.path}`)) });
    }
    console.log("Lighthouse on the floor page…");
    const floorPage: PageResult = {
      name: "floor: Next.js + React, one control",
      path: "bench/lighthouse/floor",
      ...(await audit(debuggingPort, floor.url)),
    };
    // The machine's load lowers the performance score (total blocking time); it is kept with the figures.
    const loadAverage = loadavg().map((load) => Math.round(load * 100) / 100);
    console.log(`Load average (1, 5, 15 min): ${loadAverage.join(", ")} on ${cpus().length} CPUs`);
    const dir = join(ROOT, "bench", "results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "lighthouse.json"),
      `${JSON.stringify({ date: new Date().toISOString(), command: "npm run bench:lighthouse", lighthouse: "12", runsPerPage: RUNS, browser: `Chromium ${browser.version()}`, loadAverage, cpus: cpus().length, minScore: MIN_SCORE, pages, floor: floorPage }, null, 2)}\n`,
    );
    writeBenchmarksTable(dir);
    console.table(
      [...pages, floorPage].map((page) => ({
        page: page.name,
        ...page.scores,
        "performance per run": page.runs.map((run) => run.performance).join(", "),
      })),
    );
    for (const page of pages)
      if (page.findings.length) console.table(page.findings.map(({ items, ...finding }) => finding));
    if (pages.some((page) => Object.values(page.scores).some((score) => score < MIN_SCORE)))
      process.exitCode = 1;
  } finally {
    await browser.close();
    await app.stop();
    await floor.stop();
    await sim.close();
  }
}

await main();
