import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { runDoctor } from "@/lib/doctor";
import { startSimServer } from "@/lib/vllm-sim";
import { closedPort } from "@/tests/support/ports";
import { doctorAgainstSim, expectStatuses, finding, QUICK_SIM } from "./helpers";

describe("the doctor under load", () => {
  it("sees requests queue and TTFT blow up when vLLM runs only 2 at a time", async () => {
    const report = await doctorAgainstSim({ maxNumSeqs: 2, itlMs: 3 });
    const concurrency = finding(report, "concurrency");
    expect(concurrency.status).toBe("warn");
    expect(concurrency.detail).toMatch(/up to [1-6] waiting while at most 2 ran/);
    expect(concurrency.fix).toContain("--max-num-seqs");
    const { burst, shortPrompt } = report.measurements;
    expect(burst?.maxWaiting).toBeGreaterThan(0);
    expect(burst?.ttftMs?.p95).toBeGreaterThan(4 * (shortPrompt?.ttftMs ?? 0));
  });

  it("warns when the KV cache fills up", async () => {
    // Four prompts of 13 tokens already fill 87% of 60 tokens; at 5 ms per token the burst outlasts
    // several of the doctor's 100 ms /metrics polls.
    const report = await doctorAgainstSim({ kvCacheCapacityTokens: 60, itlMs: 5 }, { burst: 4 });
    expectStatuses(report, { "kv-cache": "warn" });
    expect(finding(report, "kv-cache").fix).toContain("--gpu-memory-utilization");
  });
});

describe("the doctor when it cannot get in", () => {
  it("fails fast on a refused connection and stops there", async () => {
    const report = await runDoctor({ baseURL: `http://127.0.0.1:${await closedPort()}/v1` });
    expect(report.findings).toHaveLength(1);
    expectStatuses(report, { reachable: "fail" });
    expect(finding(report, "reachable").detail).toContain("refused");
    expect(report.passed).toBe(false);
  });

  it.each([
    ["a wrong", "wrong", "API key refused"],
    ["no", undefined, "API key required"],
  ])("fails on %s API key (401)", async (_, apiKey, title) => {
    const report = await doctorAgainstSim({ apiKey: "sesame" }, { apiKey });
    expect(finding(report, "auth")).toMatchObject({ status: "fail", title });
    expect(finding(report, "auth").fix).toContain("--api-key");
    expect(report.findings.map((f) => f.id)).not.toContain("chat");
  });

  it("fails on a model the server does not serve", async () => {
    const report = await doctorAgainstSim({}, { model: "gpt-4" });
    expect(finding(report, "model")).toMatchObject({ status: "fail" });
    expect(finding(report, "model").detail).toContain("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
  });
});

describe("the doctor's time bounds", () => {
  it("reports what it found when the time limit passes, instead of hanging", async () => {
    const sim = await startSimServer({ ...QUICK_SIM, ttftMs: 60_000 });
    try {
      const started = Date.now();
      const report = await runDoctor({ baseURL: `${sim.url}/v1`, timeoutMs: 1_500 });
      expect(Date.now() - started).toBeLessThan(4_000);
      expectStatuses(report, { health: "ok", model: "ok", "time-limit": "fail" });
      expect(finding(report, "time-limit").detail).toContain("streaming a short answer");
    } finally {
      await sim.close();
    }
  });

  it("stops at the time limit against a server that accepts connections but never answers", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as { port: number };
      const report = await runDoctor({ baseURL: `http://127.0.0.1:${port}/v1`, timeoutMs: 1_000 });
      expect(report.findings.map((f) => [f.id, f.status])).toEqual([["time-limit", "fail"]]);
      expect(finding(report, "time-limit").detail).toContain("checking /health");
    } finally {
      silent.close();
    }
  });

  it("rejects when the caller aborts", async () => {
    const sim = await startSimServer({ ...QUICK_SIM, ttftMs: 60_000 });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("page closed")), 300);
      await expect(runDoctor({ baseURL: `${sim.url}/v1`, signal: controller.signal })).rejects.toThrow(
        "page closed",
      );
    } finally {
      await sim.close();
    }
  });
});
