import { writeFileSync } from "node:fs";
import type { Browser, CDPSession, Page } from "@playwright/test";

/**
 * `--profile`: where the chat page's main-thread time goes while it streams. A Chromium trace gives
 * the split between script, style, layout and paint; a CPU profile names the script functions. Both are
 * summarised on the console and kept whole beside the results for DevTools.
 */
export async function startProfile(browser: Browser, page: Page, cdp: CDPSession) {
  await browser.startTracing(page, { categories: ["devtools.timeline", "v8.execute"] });
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  return {
    async stop(outputPrefix: string): Promise<void> {
      const { profile } = await cdp.send("Profiler.stop");
      const trace = await browser.stopTracing();
      writeFileSync(`${outputPrefix}.cpuprofile`, JSON.stringify(profile));
      writeFileSync(`${outputPrefix}.trace.json`, trace);
      const events = JSON.parse(trace.toString());
      console.log("Main-thread self time by trace event:");
      console.table(topEntries(traceSelfTime(events), 15));
      console.log(
        "Main-thread events over 50 ms of wall time, with the CPU time the thread got during them:",
      );
      console.table(longEvents(events));
      console.log("Script self time by function:");
      console.table(topEntries(profileSelfTime(profile), 40));
      console.log(`Whole trace and CPU profile: ${outputPrefix}.{trace.json,cpuprofile}`);
    },
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in microseconds. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Complete events on the renderer's main thread, in order, each before the events it contains. */
function mainThreadEvents(trace: { traceEvents: TraceEvent[] }): TraceEvent[] {
  const main = trace.traceEvents.find(
    (event) => event.name === "thread_name" && event.args?.name === "CrRendererMain",
  );
  return trace.traceEvents
    .filter((event) => event.ph === "X" && event.pid === main?.pid && event.tid === main?.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/**
 * The outermost main-thread events that took over 50 ms of wall time. On a loaded machine most of them
 * got only a few milliseconds of CPU: the thread was waiting for a core, not working for the page.
 */
function longEvents(trace: { traceEvents: TraceEvent[] }) {
  const long: { atS: number; name: string; wallMs: number; cpuMs: number }[] = [];
  let openUntil = 0;
  const events = mainThreadEvents(trace);
  const start = events[0]?.ts ?? 0;
  for (const event of events) {
    const end = event.ts + (event.dur ?? 0);
    if (event.ts < openUntil) continue;
    openUntil = end;
    if ((event.dur ?? 0) <= 50_000) continue;
    long.push({
      atS: Math.round((event.ts - start) / 1e5) / 10,
      name: event.name,
      wallMs: Math.round((event.dur ?? 0) / 1000),
      cpuMs: Math.round((event.tdur ?? 0) / 1000),
    });
  }
  return long;
}

/** Self time (ms) of each complete event on the renderer's main thread: its duration minus its children's. */
function traceSelfTime(trace: { traceEvents: TraceEvent[] }): Map<string, number> {
  const events = mainThreadEvents(trace);
  const self = new Map<string, number>();
  const open: { end: number; name: string }[] = [];
  for (const event of events) {
    const dur = event.dur ?? 0;
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= event.ts) open.pop();
    const parent = open.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur / 1000);
    self.set(event.name, (self.get(event.name) ?? 0) + dur / 1000);
    open.push({ end: event.ts + dur, name: event.name });
  }
  return self;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

function profileSelfTime(profile: {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  samples.forEach((id, index) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split("/").at(-1) ?? "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[index + 1] ?? 0) / 1000);
  });
  return self;
}

function topEntries(totals: Map<string, number>, count: number) {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
}
