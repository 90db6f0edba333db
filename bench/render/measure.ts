import type { CDPSession, Page } from "@playwright/test";
import type { StreamPlan } from "./stream-plan";

/** A long task as the browser reports it (PerformanceObserver 'longtask': over 50 ms). */
export interface LongTask {
  startMs: number;
  durationMs: number;
  /** What ran in it, from the long animation frame that holds it (see describeFrame). */
  cause?: string;
}

/**
 * Main-thread time used so far against tokens streamed so far, from CDP Performance.getMetrics:
 * ThreadTime is the CPU time of the renderer's main thread, TaskDuration the wall time of its tasks.
 * The per-token figures use CPU time, which other processes on a busy machine do not inflate.
 */
export interface Sample {
  atMs: number;
  cpuMs: number;
  taskMs: number;
  tokens: number;
}

export interface PageTrace {
  /** Page time (its performance.now()) minus bench time at the same moment, to place page events among samples. */
  pageClockOffsetMs: number;
  longTasks: LongTask[];
  /** requestAnimationFrame timestamps while recording. */
  frames: number[];
  samples: Sample[];
}

/**
 * Installed before any page script runs, so nothing the page does escapes it. The frame probe (an
 * animation-frame loop timing every frame) has the browser render 60 frames a second whatever the page
 * does, at a main-thread cost of its own: frames are timed with it, and main-thread time in a second pass
 * without it (see run.ts; the report gives both).
 */
export function instrumentation({ frameProbe }: { frameProbe: boolean }): string {
  return `(() => {
  const bench = { longTasks: [], longFrames: [], frames: [], recording: false, startedAt: 0 };
  window.__renderBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  // Long animation frames say what ran: each script's kind, source and duration, and when rendering began.
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longFrames.push(entry.toJSON());
  }).observe({ type: "long-animation-frame", buffered: true });
  const onFrame = (time) => {
    if (bench.recording) bench.frames.push(time);
    requestAnimationFrame(onFrame);
  };
  if (${frameProbe}) requestAnimationFrame(onFrame);
})();`;
}

/** The parts of a PerformanceLongAnimationFrameTiming (Chromium's long-animation-frame entry) read here. */
interface LongFrame {
  startTime: number;
  duration: number;
  renderStart: number;
  scripts: { invokerType: string; invoker: string; sourceURL: string; duration: number }[];
}

interface BenchState {
  longTasks: LongTask[];
  longFrames: LongFrame[];
  frames: number[];
  recording: boolean;
  startedAt: number;
}

/** Starts recording; returns the page clock's offset from this process's `performance.now()`. */
export async function startRecording(page: Page): Promise<number> {
  const before = performance.now();
  const pageNow = await page.evaluate(() => {
    const bench = (window as unknown as { __renderBench: BenchState }).__renderBench;
    bench.startedAt = performance.now();
    bench.recording = true;
    return bench.startedAt;
  });
  return pageNow - (before + performance.now()) / 2;
}

export async function stopRecording(page: Page): Promise<Pick<PageTrace, "longTasks" | "frames">> {
  return page
    .evaluate(() => {
      const bench = (window as unknown as { __renderBench: BenchState }).__renderBench;
      bench.recording = false;
      // Entries arrive asynchronously, so they are filtered here rather than as they come.
      const longTasks = bench.longTasks.filter((task) => task.startMs >= bench.startedAt);
      return { longTasks, frames: bench.frames, longFrames: bench.longFrames };
    })
    .then(({ longTasks, frames, longFrames }) => ({
      frames,
      longTasks: longTasks.map((task) => {
        const frame = longFrames.find(
          (candidate) =>
            candidate.startTime <= task.startMs + 1 &&
            task.startMs < candidate.startTime + candidate.duration,
        );
        return frame ? { ...task, cause: describeFrame(frame) } : task;
      }),
    }));
}

/** E.g. "classic-script 1sjw….js 31 ms, rendering 14 ms": the two longest scripts, then rendering. */
function describeFrame(frame: LongFrame): string {
  const scripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 2)
    .map((script) => {
      const source = script.sourceURL.split("/").at(-1) || script.invoker;
      return `${script.invokerType} ${source} ${script.duration.toFixed(0)} ms`;
    });
  const rendering = frame.renderStart > 0 ? frame.startTime + frame.duration - frame.renderStart : 0;
  return [...scripts, `rendering ${rendering.toFixed(0)} ms`].join(", ");
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
      const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      samples.push({
        atMs: performance.now(),
        cpuMs: seconds("ThreadTime") * 1000,
        taskMs: seconds("TaskDuration") * 1000,
        tokens: await tokensSoFar(),
      });
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
  /** Where each long task happened: tokens streamed by then, and its duration. */
  longTaskLog: { atToken: number; durationMs: number; cause?: string }[];
  longestTaskMs: number;
  totalBlockingMs: number;
  p95FrameMs: number;
  /** Main-thread time per token over the first and the last 20% of the answer's tokens. */
  answerStartMsPerToken: number;
  answerEndMsPerToken: number;
  endToStartRatio: number;
  /** Main-thread time per token in each tenth of the answer, to tell a cost of length from one of content. */
  answerMsPerTokenByTenth: number[];
  /** Over the whole answer, including the final render after the last token. */
  answerMsPerToken: number;
  answerMainThreadMs: number;
  /** Share of the answer's wall time the main thread was busy with tasks: near 1 means saturated. */
  answerBusyShare: number;
  reasoningMsPerToken: number;
}

/** A page measured twice over the same stream: once with the frame probe, once without. */
export interface TwoPassMetrics extends RenderMetrics {
  /** Main thread per answer token in the pass with the frame probe, for comparison with earlier runs. */
  answerMsPerTokenWithFrameProbe: number;
}

/**
 * Frame intervals from the pass with the frame probe, main-thread time from the pass without it; long
 * tasks and blocking time over both passes, so a long task in either counts.
 */
export function combinePasses(framePass: RenderMetrics, cpuPass: RenderMetrics): TwoPassMetrics {
  return {
    ...cpuPass,
    longTasks: framePass.longTasks + cpuPass.longTasks,
    longTaskLog: [...framePass.longTaskLog, ...cpuPass.longTaskLog],
    longestTaskMs: Math.max(framePass.longestTaskMs, cpuPass.longestTaskMs),
    totalBlockingMs: framePass.totalBlockingMs + cpuPass.totalBlockingMs,
    p95FrameMs: framePass.p95FrameMs,
    answerMsPerTokenWithFrameProbe: framePass.answerMsPerToken,
  };
}

const LONG_TASK_MS = 50;

export function summarise(trace: PageTrace, plan: StreamPlan): RenderMetrics {
  const total = plan.tokens.length;
  const answerStart = plan.reasoningTokens + 1;
  const answerTokens = total - answerStart;
  const cpuAt = (tokens: number) => interpolate(trace.samples, tokens, "cpuMs");
  const perToken = (from: number, to: number) => (cpuAt(to) - cpuAt(from)) / (to - from);
  const start = perToken(answerStart, answerStart + 0.2 * answerTokens);
  const end = perToken(total - 0.2 * answerTokens, total);
  const last = trace.samples.at(-1);
  const answerMainThreadMs = (last?.cpuMs ?? 0) - cpuAt(answerStart);
  const answerWallMs = (last?.atMs ?? 0) - interpolate(trace.samples, answerStart, "atMs");
  const answerTaskMs = (last?.taskMs ?? 0) - interpolate(trace.samples, answerStart, "taskMs");
  return {
    tokens: total,
    tokensPerSecond: tokensPerSecond(trace.samples, total),
    longTasks: trace.longTasks.length,
    longTaskLog: trace.longTasks.map((task) => ({
      atToken: Math.round(tokensAt(trace.samples, task.startMs - trace.pageClockOffsetMs)),
      durationMs: task.durationMs,
      cause: task.cause,
    })),
    longestTaskMs: Math.max(0, ...trace.longTasks.map((task) => task.durationMs)),
    totalBlockingMs: trace.longTasks.reduce((sum, task) => sum + task.durationMs - LONG_TASK_MS, 0),
    p95FrameMs: percentile(
      trace.frames.slice(1).map((time, index) => time - (trace.frames[index] ?? time)),
      0.95,
    ),
    answerStartMsPerToken: start,
    answerEndMsPerToken: end,
    endToStartRatio: end / start,
    answerMsPerTokenByTenth: Array.from({ length: 10 }, (_, tenth) =>
      perToken(answerStart + (tenth / 10) * answerTokens, answerStart + ((tenth + 1) / 10) * answerTokens),
    ),
    answerMsPerToken: answerMainThreadMs / answerTokens,
    answerMainThreadMs,
    answerBusyShare: answerTaskMs / answerWallMs,
    reasoningMsPerToken: perToken(0, plan.reasoningTokens),
  };
}

/** A sampled value at the moment `tokens` had streamed, interpolated between the samples around it. */
function interpolate(samples: Sample[], tokens: number, field: "atMs" | "cpuMs" | "taskMs"): number {
  const after = samples.findIndex((sample) => sample.tokens >= tokens);
  if (after === -1) return samples.at(-1)?.[field] ?? 0;
  const next = samples[after] as Sample;
  const previous = samples[after - 1];
  if (!previous || next.tokens === previous.tokens) return next[field];
  const share = (tokens - previous.tokens) / (next.tokens - previous.tokens);
  return previous[field] + share * (next[field] - previous[field]);
}

/** Tokens streamed at bench time `atMs`, interpolated between samples. */
function tokensAt(samples: Sample[], atMs: number): number {
  const after = samples.findIndex((sample) => sample.atMs >= atMs);
  if (after === -1) return samples.at(-1)?.tokens ?? 0;
  const next = samples[after] as Sample;
  const previous = samples[after - 1];
  if (!previous) return next.tokens;
  return (
    previous.tokens + ((atMs - previous.atMs) / (next.atMs - previous.atMs)) * (next.tokens - previous.tokens)
  );
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
