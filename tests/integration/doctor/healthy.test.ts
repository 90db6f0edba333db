import { describe, expect, it } from "vitest";
import { doctorAgainstSim, expectStatuses } from "./helpers";

describe("the doctor against a healthy deployment", () => {
  it("passes every check and measures latency, with a bounded number of requests", async () => {
    const report = await doctorAgainstSim();

    expect(report.passed).toBe(true);
    expect(report.findings.filter((f) => f.status === "warn" || f.status === "fail")).toEqual([]);
    expectStatuses(report, {
      reachable: "ok",
      health: "ok",
      version: "info",
      auth: "info",
      model: "ok",
      "context-length": "ok",
      chat: "ok",
      "reasoning-parser": "ok",
      "chat-template": "ok",
      "sampling-defaults": "ok",
      "latency-short": "ok",
      "latency-long": "ok",
      "stream-buffering": "ok",
      "stream-compression": "ok",
      metrics: "ok",
      concurrency: "ok",
      "kv-cache": "ok",
    });
    expect(report.server).toEqual({
      version: "0.16.0",
      model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",
      maxModelLen: 131072,
    });

    const { shortPrompt, longPrompt, burst } = report.measurements;
    expect(shortPrompt?.completionTokens).toBeGreaterThan(50);
    expect(shortPrompt?.itlMs.p95).toBeGreaterThanOrEqual(shortPrompt?.itlMs.p50 ?? 0);
    expect(longPrompt?.promptTokens).toBeGreaterThan(2000);
    expect(longPrompt?.promptTokens).toBeLessThan(4000);
    expect(burst).toMatchObject({ requests: 8, failed: 0, maxWaiting: 0 });
    expect(report.requests).toBeLessThan(60);
  });

  it("accepts the right API key and names the model it was asked about", async () => {
    const report = await doctorAgainstSim(
      { apiKey: "sesame", servedModelName: "r1" },
      { apiKey: "sesame", model: "r1", burst: 2 },
    );
    expectStatuses(report, { auth: "ok", model: "ok", chat: "ok" });
    expect(report.server.model).toBe("r1");
  });
});
