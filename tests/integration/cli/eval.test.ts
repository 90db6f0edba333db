import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { EvalReport } from "@/lib/eval/report";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { runScript } from "./spawn-cli";

let sim: SimServer;
let url: string;

beforeAll(async () => {
  // Only the machinery is under test, and each run asks every problem: short traces, a few tokens a chunk,
  // and decoding that does not slow down with the whole problem set in flight.
  sim = await startSimServer({
    ttftMs: 1,
    itlMs: 1,
    itlGrowthPerRunning: 0,
    reasoningTokens: 0,
    streamInterval: 4,
  });
  url = `${sim.url}/v1`;
});
afterAll(async () => {
  await sim.close();
});

describe.concurrent("npm run eval", () => {
  it("reports accuracy over runs and latency percentiles as JSON", async ({ expect }) => {
    const { code, stdout } = await runScript("eval", [
      "--url",
      url,
      "--runs",
      "2",
      "--concurrency",
      "32",
      "--json",
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report).toMatchObject({
      model: sim.options.servedModelName,
      baseURL: url,
      simulated: false,
      runs: 2,
    });
    expect(report.problemCount).toBeGreaterThanOrEqual(20);
    expect(report.modes).toHaveLength(1);
    const [mode] = report.modes;
    expect(mode?.mode).toBe("r1-rules");
    expect(mode?.errors).toBe(0);
    expect(mode?.meanCompletionTokens).toBeGreaterThan(0);
    expect(mode?.problems).toHaveLength(report.problemCount);
    expect(mode?.accuracy.perRun).toHaveLength(2);
    expect(mode?.accuracy.mean).toBeGreaterThanOrEqual(0);
    expect(mode?.accuracy.mean).toBeLessThanOrEqual(1);
    expect(mode?.accuracy.std).toBeGreaterThanOrEqual(0);
    // The simulator does arithmetic on the first two numbers it sees, which answers "Compute 37 × 24." right.
    expect(mode?.problems.find((problem) => problem.id === "arith-product")).toMatchObject({
      correctRuns: 2,
      answers: ["888", "888"],
    });
    const { ttft, total } = mode?.latencyMs ?? {};
    expect(ttft?.p50).toBeGreaterThan(0);
    expect(ttft?.p95).toBeGreaterThanOrEqual(ttft?.p50 ?? Number.POSITIVE_INFINITY);
    expect(total?.p50).toBeGreaterThan(ttft?.p50 ?? Number.POSITIVE_INFINITY);
  });

  it("compares with and without the R1 rules in tables and in the --out file", async ({ expect }) => {
    const out = join(mkdtempSync(join(tmpdir(), "r1-eval-")), "report.json");
    const { code, stdout } = await runScript("eval", [
      "--url",
      url,
      "--runs",
      "1",
      "--concurrency",
      "32",
      "--compare",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^problem\s+topic\s+expected\s+r1-rules\s+raw$/m);
    expect(stdout).toMatch(/^arith-product\s+arithmetic\s+888\s+1\/1\s+1\/1$/m);
    expect(stdout).toMatch(
      /^mode\s+accuracy\s+TTFT p50\s+TTFT p95\s+total p50\s+total p95\s+tokens\s+errors$/m,
    );
    expect(stdout).toMatch(/^raw\s+\d+\.\d%\s+[\d.]+ m?s/m);
    const report = JSON.parse(readFileSync(out, "utf8")) as EvalReport;
    expect(report.modes.map((mode) => mode.mode)).toEqual(["r1-rules", "raw"]);
    expect(report.modes[0]?.accuracy.std).toBeNull();
  });
});
