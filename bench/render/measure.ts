import type { CDPSession, Page } from "@playwright/test";
import type { StreamPlan } from "./stream-plan";

/** A long task as the browser reports it (PerformanceObserver 'longtask': over 50 ms). */
export interface LongTask {
  startMs: number;
  durationMs: number;
}

/** Main-thread work done so far (CDP Performance.getMetrics TaskDuration) against tokens streamed so far. */
export interface Sample {
  atMs: number;
  taskMs: number;
  tokens: number;
}

export interface PageTrace {
  longTasks: LongTask[];
  /** requestAnimationFrame timestamps while recording. */
  frames: number[];
  samples: Sample[];
}

/** Installed before any page script runs, so nothing the page does escapes it. */
export const INSTRUMENTATION = `(() => {
  const bench = { longTasks: [], frames: [], recording: false, startedAt: 0 };
  window.__renderBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  const onFrame = (time) => {
    if (bench.recording) bench.frames.push(time);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
})();`;

interface BenchState {
  longTasks: LongTask[];
  frames: number[];
  recording: boolean;
  startedAt: number;
}

export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __renderBench: BenchState }).__renderBench;
    bench.startedAt = performance.now();
    bench.recording = true;
  });
}

export async function stopRecording(page: Page): Promise<Pick<PageTrace, "longTasks" | "frames">> {
  return page.evaluate(() => {
    const bench = (window as unknown as { __renderBench: BenchState }).__renderBench;
    bench.recording = false;
    // Entries arrive asynchronously, so they are filtered here rather than as they come.
    const longTasks = bench.longTasks.filter((task) => task.startMs >= bench.startedAt);
    return { longTasks, frames: bench.frames };
  });
}

/**
 * Samples the renderer's main-thread time every `intervalMs` until `stop()`. CDP runs outside the page's
 * JavaScript, so sampling adds no script work of its own to what it measures.
 */
export function sampleMainThread(cdp: CDPSession, tokensSoFar: () => Promise<number>, intervalMs = 200) {
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const taskSeconds = metrics.find((metric) => metric.name === "TaskDuration")?.value ?? 0;
      samples.push({ atMs: performance.now(), taskMs: taskSeconds * 1000, tokens: await tokensSoFar() });
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop(): Promise<Sample[]> {
      running = false;
      await loop;
      return samples;
    },
  };
}

export interface RenderMetrics {
  tokens: number;
  tokensPerSecond: number;
  longTasks: number;
  longestTaskMs: number;
  totalBlockingMs: number;
  p95FrameMs: number;
  /** Main-thread time per token over the first and the last 20% of the answer's tokens. */
  answerStartMsPerToken: number;
  answerEndMsPerToken: number;
  endToStartRatio: number;
  /** Over the whole answer, including the final render after the last token. */
  answerMsPerToken: number;
  answerMainThreadMs: number;
  reasoningMsPerToken: number;
}

const LONG_TASK_MS = 50;

export function summarise(trace: PageTrace, plan: StreamPlan): RenderMetrics {
  const total = plan.tokens.length;
  const answerStart = plan.reasoningTokens + 1;
  const answerTokens = total - answerStart;
  const perToken = (from: number, to: number) =>
    (taskAt(trace.samples, to) - taskAt(trace.samples, from)) / (to - from);
  const start = perToken(answerStart, answerStart + 0.2 * answerTokens);
  const end = perToken(total - 0.2 * answerTokens, total);
  const last = trace.samples.at(-1)?.taskMs ?? 0;
  const answerMainThreadMs = last - taskAt(trace.samples, answerStart);
  return {
    tokens: total,
    tokensPerSecond: tokensPerSecond(trace.samples, total),
    longTasks: trace.longTasks.length,
    longestTaskMs: Math.max(0, ...trace.longTasks.map((task) => task.durationMs)),
    totalBlockingMs: trace.longTasks.reduce((sum, task) => sum + task.durationMs - LONG_TASK_MS, 0),
    p95FrameMs: percentile(
      trace.frames.slice(1).map((time, index) => time - (trace.frames[index] ?? time)),
      0.95,
    ),
    answerStartMsPerToken: start,
    answerEndMsPerToken: end,
    endToStartRatio: end / start,
    answerMsPerToken: answerMainThreadMs / answerTokens,
    answerMainThreadMs,
    reasoningMsPerToken: perToken(0, plan.reasoningTokens),
  };
}

/** Main-thread time when `tokens` had streamed, interpolated between the samples around it. */
function taskAt(samples: Sample[], tokens: number): number {
  const after = samples.findIndex((sample) => sample.tokens >= tokens);
  if (after === -1) return samples.at(-1)?.taskMs ?? 0;
  const next = samples[after] as Sample;
  const previous = samples[after - 1];
  if (!previous || next.tokens === previous.tokens) return next.taskMs;
  const share = (tokens - previous.tokens) / (next.tokens - previous.tokens);
  return previous.taskMs + share * (next.taskMs - previous.taskMs);
}

function tokensPerSecond(samples: Sample[], total: number): number {
  const first = samples.find((sample) => sample.tokens > 0);
  const done = samples.find((sample) => sample.tokens >= total);
  if (!first || !done || done === first) return Number.NaN;
  return ((done.tokens - first.tokens) * 1000) / (done.atMs - first.atMs);
}

function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}
