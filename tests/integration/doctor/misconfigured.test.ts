import { describe, expect, it } from "vitest";
import { doctorAgainstSim, expectStatuses, finding } from "./helpers";

/** These problems are not visible under load; a burst of two keeps the runs short. */
const QUICK = { burst: 2 };

// Each case has its own simulator and asserts no timings, so they may run side by side.
describe.concurrent("the doctor on a misconfigured vLLM", () => {
  it("spots a server without --reasoning-parser by the inline </think>", async () => {
    const report = await doctorAgainstSim({ reasoningParser: false }, QUICK);
    expectStatuses(report, { "reasoning-parser": "warn", "chat-template": "ok" });
    expect(finding(report, "reasoning-parser").fix).toContain("--reasoning-parser deepseek_r1");
    expect(report.passed).toBe(true);
  });

  it("reports the reasoning_content field of an old vLLM", async () => {
    const report = await doctorAgainstSim({ emulateVersion: "0.10.0" }, QUICK);
    expectStatuses(report, { "reasoning-parser": "ok", version: "info", "chat-template": "ok" });
    expect(finding(report, "reasoning-parser").title).toContain("reasoning_content");
  });

  it("reports both fields on vLLM 0.11.1–0.15", async () => {
    const report = await doctorAgainstSim({ emulateVersion: "0.11.2" }, QUICK);
    expect(finding(report, "reasoning-parser").title).toContain("(both)");
  });

  it.each([
    ["with the parser (reasoning starts with the model's newline)", true, /newline/],
    ["without the parser (content starts with <think>)", false, /starts with <think>/],
  ])("spots a chat template without the <think> generation prompt %s", async (_, reasoningParser, why) => {
    const report = await doctorAgainstSim({ templateAddsThink: false, reasoningParser }, QUICK);
    const template = finding(report, "chat-template");
    expect(template.status).toBe("warn");
    expect(template.detail).toMatch(why);
    expect(template.fix).toContain("R1_FORCE_THINK_PREFIX=1");
  });

  it("spots sampling defaults of 1.0/1.0 (--generation-config vllm)", async () => {
    const report = await doctorAgainstSim({ generationConfigDefaults: false }, QUICK);
    const sampling = finding(report, "sampling-defaults");
    expect(sampling.status).toBe("warn");
    expect(sampling.fix).toContain("--generation-config vllm");
  });

  it("warns about a short max_model_len such as the article's 4096", async () => {
    const report = await doctorAgainstSim({ maxModelLen: 4096 }, QUICK);
    expectStatuses(report, { "context-length": "warn", chat: "ok", "latency-long": "ok" });
    expect(report.measurements.longPrompt?.promptTokens).toBeLessThan(4096);
  });
});
