import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { checkHealth } from "@/lib/upstream/health";
import { startSimServer } from "@/lib/vllm-sim";
import { closedPort } from "@/tests/support/ports";

describe("checkHealth", () => {
  it("reports the upstream's model, context and version", async () => {
    const sim = await startSimServer({ maxModelLen: 32_768, emulateVersion: "0.16.0" });
    try {
      const report = await checkHealth(parseConfig({ VLLM_BASE_URL: `${sim.url}/v1` }));
      expect(report.status).toBe("ok");
      expect(report.upstream).toMatchObject({
        simulated: false,
        healthy: true,
        model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",
        maxModelLen: 32_768,
        version: "0.16.0",
      });
      expect(report.upstream.latencyMs).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  it("reports an unreachable upstream without its address", async () => {
    const report = await checkHealth(
      parseConfig({ VLLM_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` }),
    );
    expect(report.status).toBe("degraded");
    expect(report.upstream.healthy).toBe(false);
    expect(report.upstream.error).toBe(
      "cannot reach the model server: connection refused (is vLLM running?)",
    );
    expect(JSON.stringify(report)).not.toContain("127.0.0.1");
  });
});
