import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSections, type Section, writeBenchmarksTable } from "@/bench/benchmarks-table";

/** Each result file as its benchmark writes it, cut down to a row or two. */
const FIXTURES = {
  render: {
    date: "2026-01-01T10:00:00.000Z",
    machine: { cpus: 2, loadAverage: 1.5 },
    targets: [{ metric: "long tasks", ours: "0", baseline: "170", target: "0", pass: true }],
  },
  relay: {
    date: "2026-01-01T11:00:00.000Z",
    command: "npm run bench:relay",
    machine: { cpus: 2, loadAverage: { start: [1, 2, 3], end: [1, 2, 3] } },
    targets: [{ metric: "added TTFT p50 @ 128", value: "3.00 ms", target: "≤ 5 ms", pass: true }],
  },
  budgets: {
    date: "2026-01-01T12:00:00.000Z",
    command: "npm run check:budgets",
    cpus: 2,
    loadAverage: [1.234, 2, 3],
    pages: [
      { name: "/", measured: "manifests", maxKb: 180, kb: 159.6, status: "pass", files: [] },
      { name: "/embed", measured: "manifests", maxKb: 150, kb: null, status: "missing" },
    ],
    files: [{ name: "widget loader (public/widget.js)", maxKb: 3, kb: 3.2, status: "fail" }],
  },
  lighthouse: {
    date: "2026-01-01T13:00:00.000Z",
    command: "npm run bench:lighthouse",
    browser: "Chromium 156",
    loadAverage: [4, 5, 6],
    cpus: 2,
    minScore: 95,
    pages: [
      {
        name: "new chat",
        path: "/",
        scores: { performance: 94, accessibility: 100 },
        runs: [
          { performance: 90, accessibility: 100 },
          { performance: 94, accessibility: 100 },
        ],
      },
    ],
    floor: {
      name: "floor",
      path: "bench/lighthouse/floor",
      scores: { performance: 97 },
      runs: [{ performance: 96 }, { performance: 97 }],
    },
  },
  load: {
    short: false,
    plan: { streams: 500, seconds: 60, soakAnswers: 2000 },
    cpus: 2,
    loadAverage: [7, 8, 9],
    measuredAt: "2026-01-01T14:00:00.000Z",
    load: {
      streams: 500,
      answers: 1500,
      errors: 3,
      starved: 0,
      firstTokenMs: { p50: 100, p99: 1200.4 },
      maxGapMs: { p50: 10, p99: 50, max: 900.6 },
      liveHeapMiB: { baseline: 40, settled: 42.5 },
      rssMiB: { baseline: 180, peak: 600, settled: 200 },
      upstreamStillRunning: 0,
    },
    soak: {
      answers: 2000,
      errors: 0,
      checkpoints: [
        { answers: 1000, heapMiB: 80, rssMiB: 400, fds: 40 },
        { answers: 2000, heapMiB: 84.5, rssMiB: 420, fds: 41 },
      ],
      liveHeapMiB: { before: 42.5, settled: 44 },
    },
    targets: [
      { target: "no failed stream under load", met: false },
      { target: "no stream starved (first token or a gap over 15 s)", met: true },
      { target: "live heap once idle within 1.5× the idle baseline", met: true },
      { target: "no upstream stream left running", met: true },
      { target: "no failed answer in the soak", met: true },
      { target: "soak live heap once idle grows less than 20% from before the soak", met: true },
      { target: "soak open fds grow by at most 10", met: true },
    ],
  },
};

function resultsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-table-"));
  for (const [name, json] of Object.entries(FIXTURES))
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(json));
  return dir;
}

const sections = Object.fromEntries(readSections(resultsDir())) as Record<keyof typeof FIXTURES, Section>;
const figuresOf = ({ metric, target, pass, ...figures }: Section["rows"][number]) => Object.values(figures);

describe("benchmarks table", () => {
  it.each(Object.keys(FIXTURES))(
    "gives %s its date, command, machine, and every figure beside a target",
    (name) => {
      const section = sections[name as keyof typeof FIXTURES];
      expect(section.date).toMatch(/^2026-01-01T/);
      expect(section.command).toMatch(/^npm run /);
      expect(section.machine).toMatch(/\b2 CPUs\b|cpus 2/);
      expect(section.rows.length).toBeGreaterThan(0);
      for (const row of section.rows) {
        expect(row.metric).not.toBe("");
        expect(figuresOf(row).every((figure) => figure !== undefined && figure !== "")).toBe(true);
        expect(row.target).toBeTruthy();
        // A reference row (the Lighthouse floor page) is judged by nothing and says so.
        if (row.target === "reference") expect(row.pass).toBeNull();
        else expect(typeof row.pass).toBe("boolean");
      }
    },
  );

  it("shows each page's gzipped KB against its max, a missing figure as a miss", () => {
    expect(sections.budgets.machine).toBe("2 CPUs, load average 1.23 2.00 3.00");
    expect(sections.budgets.rows.map(({ value, target, pass }) => [value, target, pass])).toEqual([
      ["159.6 KB", "≤ 180 KB", true],
      ["missing", "≤ 150 KB", false],
      ["3.2 KB", "≤ 3 KB", false],
    ]);
  });

  it("shows each Lighthouse category's median and per-run scores against the minimum, the floor page's for reference", () => {
    expect(sections.lighthouse.rows).toEqual([
      { metric: "new chat (/): performance", median: 94, "per run": "90, 94", target: "≥ 95", pass: false },
      {
        metric: "new chat (/): accessibility",
        median: 100,
        "per run": "100, 100",
        target: "≥ 95",
        pass: true,
      },
      {
        metric: "floor (bench/lighthouse/floor): performance",
        median: 97,
        "per run": "96, 97",
        target: "reference",
        pass: null,
      },
    ]);
  });

  it("pairs each load target with the figure it was judged on, and names the command that ran", () => {
    expect(sections.load.command).toBe("npm run test:load -- --streams 500 --seconds 60 --soak-answers 2000");
    expect(sections.load.rows.map(({ value, pass }) => [value, pass])).toEqual([
      ["3 of 1500 (500 clients)", false],
      ["0 (first token p99 1200 ms, longest gap 901 ms)", true],
      ["42.5 vs 40 MiB (RSS 200 vs 180, peak 600 MiB)", true],
      ["0", true],
      ["0 of 2000", true],
      ["44 vs 42.5 MiB; 80 → 84.5 MiB (RSS 400 → 420 MiB)", true],
      ["40 → 41", true],
    ]);
  });

  it("writes one table a section, each row's figures, target and verdict", () => {
    const dir = resultsDir();
    writeBenchmarksTable(dir);
    const text = readFileSync(join(dir, "BENCHMARKS.md"), "utf8");
    expect(text.match(/^## /gm)).toHaveLength(5);
    expect(text).toContain(
      "| /: first-load JS, gzipped (from the manifests) | 159.6 KB | ≤ 180 KB | ✅ pass |",
    );
    expect(text).toContain(
      "| failed answers under load | 3 of 1500 (500 clients) | no failed stream under load | ❌ miss |",
    );
  });
});
