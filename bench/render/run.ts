/**
 * Render benchmark: streams a long R1 reply into the real chat page and into a naive baseline, in
 * Chromium, and compares long tasks, frame intervals and main-thread time per token.
 *   npm run bench:render            (add -- --build to rebuild the app first)
 * Writes bench/results/render.json and render.md and regenerates BENCHMARKS.md; exits 1 if a target is
 * missed.
 *   npm run bench:render -- --profile   profiles the chat page only (see profile.ts); writes no results
 *   npm run bench:render -- --quick     streams once into the chat page, without the frame probe, and
 *                                       prints its figures; writes no results (for trying a change)
 */
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { splitCodeRegions } from "../../lib/markdown/code-regions";
import { scanMath } from "../../lib/markdown/math-scanner";
import { type SimServer, startSimServer } from "../../lib/vllm-sim";
import { chromiumLaunchOptions } from "../../tests/e2e/chromium";
import { startBaselineServer } from "./baseline-server";
import { longR1Reply } from "./fixture";
import {
  combinePasses,
  instrumentation,
  type PageTrace,
  sampleMainThread,
  startRecording,
  stopRecording,
  summarise,
} from "./measure";
import { ensureProductionBuild, startApp } from "./processes";
import { startProfile } from "./profile";
import { type RenderChecks, targetsFor, writeReport } from "./report";
import { type StreamPlan, streamPlanFor } from "./stream-plan";

const TOKENS_PER_SECOND = 150;
/** After the last token: the final, non-streaming render and whatever the page does once a reply ends. */
const SETTLE_MS = 1_000;
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PROFILE = process.argv.includes("--profile");
const QUICK = process.argv.includes("--quick");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function generatedTokens(sim: SimServer): Promise<number> {
  const metrics = await (await fetch(`${sim.url}/metrics`)).text();
  const line = metrics.split("\n").find((candidate) => candidate.startsWith("vllm:generation_tokens_total{"));
  return Number(line?.split(" ").at(-1) ?? 0);
}

async function instrumentedPage(
  browser: Browser,
  frameProbe: boolean,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(instrumentation({ frameProbe }));
  return { context, page };
}

/** What the answer finally shows; KaTeX keeps a MathML copy of each formula, so only `.katex-html` counts. */
async function checksOf(page: Page): Promise<RenderChecks> {
  return page.getByTestId("answer").evaluate((answer) => ({
    formulas: answer.querySelectorAll(".katex-html").length,
    boxes: answer.querySelectorAll(".katex-html .fbox").length,
    errors: answer.querySelectorAll(".katex-error").length,
    highlightedTokens: answer.querySelectorAll("[class^='hljs-']").length,
  }));
}

async function measureChatPage(
  browser: Browser,
  appUrl: string,
  sim: SimServer,
  plan: StreamPlan,
  frameProbe: boolean,
) {
  const { context, page } = await instrumentedPage(browser, frameProbe);
  try {
    await page.goto(appUrl, { waitUntil: "networkidle" });
    const input = page.getByTestId("composer-input");
    await input.fill("Sum the integrals of x^k + kx over [0, 1] for k = 1..8, with tables and code.");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const before = await generatedTokens(sim);
    const tokensSoFar = async () => (await generatedTokens(sim)) - before;

    const pageClockOffsetMs = await startRecording(page);
    const sampler = sampleMainThread(cdp, tokensSoFar);
    const profile = PROFILE ? await startProfile(browser, page, cdp) : undefined;
    await input.press("Enter");
    const deadline = Date.now() + (plan.tokens.length / TOKENS_PER_SECOND) * 2_000 + 30_000;
    while ((await tokensSoFar()) < plan.tokens.length) {
      if (Date.now() > deadline) throw new Error("the chat page did not receive the whole reply in time");
      await sleep(250);
    }
    await sleep(SETTLE_MS);
    await profile?.stop(join(tmpdir(), "render-bench-chat-page"));
    const samples = await sampler.stop();
    const trace: PageTrace = { ...(await stopRecording(page)), samples, pageClockOffsetMs };
    return { metrics: summarise(trace, plan), checks: await checksOf(page) };
  } finally {
    await context.close();
  }
}

async function measureBaselinePage(
  browser: Browser,
  baselineUrl: string,
  plan: StreamPlan,
  frameProbe: boolean,
) {
  const { context, page } = await instrumentedPage(browser, frameProbe);
  try {
    await page.goto(baselineUrl, { waitUntil: "networkidle" });
    await page.waitForFunction(() => window.startBaselineStream !== undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");

    const pageClockOffsetMs = await startRecording(page);
    // The page streams on its own clock, so tokens so far follow from the time since it started.
    const startedAt = performance.now();
    const tokensSoFar = async () =>
      Math.min(plan.tokens.length, Math.floor(((performance.now() - startedAt) * TOKENS_PER_SECOND) / 1000));
    const sampler = sampleMainThread(cdp, tokensSoFar);
    await page.evaluate((rate) => window.startBaselineStream?.(rate), TOKENS_PER_SECOND);
    await sleep(SETTLE_MS);
    const samples = await sampler.stop();
    const trace: PageTrace = { ...(await stopRecording(page)), samples, pageClockOffsetMs };
    return { metrics: summarise(trace, plan), checks: await checksOf(page) };
  } finally {
    await context.close();
  }
}

function countFormulas(text: string): number {
  let count = 0;
  for (const region of splitCodeRegions(text)) {
    if (region.isCode) continue;
    for (const span of scanMath(text, region)) if (span.kind === "inline" || span.kind === "display") count++;
  }
  return count;
}

async function main(): Promise<void> {
  const reply = longR1Reply();
  const plan = streamPlanFor(reply);
  ensureProductionBuild(ROOT, process.argv.includes("--build"));

  const sim = await startSimServer({ scriptedResponse: reply, itlMs: 1000 / TOKENS_PER_SECOND, ttftMs: 100 });
  const app = await startApp(ROOT, `${sim.url}/v1`).catch(async (error) => {
    await sim.close();
    throw error;
  });
  const baselineServer = await startBaselineServer(ROOT, plan);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    // A profile shows what the page costs in use: without the frame probe's rendering of every frame.
    if (PROFILE || QUICK) {
      console.log(`Streaming ${plan.tokens.length} tokens at ${TOKENS_PER_SECOND}/s into the chat page…`);
      console.log((await measureChatPage(browser, app.url, sim, plan, false)).metrics);
      return;
    }
    console.log(
      `Streaming ${plan.tokens.length} tokens at ${TOKENS_PER_SECOND}/s into the chat page, timing frames…`,
    );
    const oursFrames = await measureChatPage(browser, app.url, sim, plan, true);
    console.log("…again without the frame probe, for main-thread time…");
    const oursCpu = await measureChatPage(browser, app.url, sim, plan, false);
    console.log("…and twice into the baseline page…");
    const baselineFrames = await measureBaselinePage(browser, baselineServer.url, plan, true);
    const baselineCpu = await measureBaselinePage(browser, baselineServer.url, plan, false);
    const ours = { metrics: combinePasses(oursFrames.metrics, oursCpu.metrics), checks: oursCpu.checks };
    const baseline = {
      metrics: combinePasses(baselineFrames.metrics, baselineCpu.metrics),
      checks: baselineCpu.checks,
    };
    const targets = targetsFor(ours.metrics, baseline.metrics);
    writeReport(fileURLToPath(new URL("../results", import.meta.url)), {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, loadAverage: loadAtStart, browser: `Chromium ${browser.version()}` },
      fixture: {
        tokens: plan.tokens.length,
        reasoningTokens: plan.reasoningTokens,
        answerTokens: plan.tokens.length - plan.reasoningTokens - 1,
        formulas: countFormulas(reply.reasoning) + countFormulas(reply.answer),
      },
      targetTokensPerSecond: TOKENS_PER_SECOND,
      ours,
      baseline,
      targets,
    });
    console.table(targets);
    if (targets.some((target) => target.pass === false)) process.exitCode = 1;
  } finally {
    await browser.close();
    await baselineServer.close();
    await app.stop();
    await sim.close();
  }
}

await main();
