import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamAnswer } from "@/lib/chat/answer-stream";
import { type AppConfig, parseConfig } from "@/lib/config";
import { chunkingVerdict, tokenRates } from "@/lib/timing/figures";
import type { TimingSnapshot } from "@/lib/timing/stream-timer";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { joinDeltas, readChunks, waitFor } from "@/tests/support/ui-stream";

const fast = { ttftMs: 1, itlMs: 1, seed: 7 };
const modes = {
  "reasoning field (vLLM 0.16)": { ...fast, emulateVersion: "0.16.0" },
  "reasoning_content field (vLLM 0.10)": { ...fast, emulateVersion: "0.10.0" },
  "both fields (vLLM 0.11.2)": { ...fast, emulateVersion: "0.11.2" },
  "no reasoning parser (inline </think>)": { ...fast, reasoningParser: false },
} as const;

const sims = new Map<string, SimServer>();
const configFor = (sim: SimServer, env: Record<string, string> = {}): AppConfig =>
  parseConfig({ VLLM_BASE_URL: `${sim.url}/v1`, ...env });

beforeAll(async () => {
  for (const [name, options] of Object.entries(modes)) sims.set(name, await startSimServer(options));
});
afterAll(async () => {
  await Promise.all([...sims.values()].map((sim) => sim.close()));
});

describe("reasoning and answer arrive as separate parts", () => {
  it.each(Object.keys(modes))("%s", async (mode) => {
    const sim = sims.get(mode) as SimServer;
    const stream = await streamAnswer(
      { turns: [{ role: "user", content: "What is 12 + 30?" }] },
      { messageId: "answer-1", signal: new AbortController().signal, config: configFor(sim) },
    );
    const chunks = await readChunks(stream);
    const reasoning = joinDeltas(chunks, "reasoning-delta");
    const answer = joinDeltas(chunks, "text-delta");
    expect(reasoning.length).toBeGreaterThan(20);
    expect(answer).toContain("\\boxed{");
    for (const text of [reasoning, answer]) {
      expect(text).not.toContain("<think>");
      expect(text).not.toContain("</think>");
    }
    const types = chunks.map((chunk) => chunk.type);
    expect(types.lastIndexOf("reasoning-delta")).toBeLessThan(types.indexOf("text-delta"));
    expect(types).not.toContain("error");

    const startChunk = chunks.find((chunk) => chunk.type === "start");
    expect(startChunk).toMatchObject({ messageId: "answer-1" });
    const start = startChunk?.messageMetadata ?? {};
    expect(start).toMatchObject({ model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", simulated: false });
    expect((start.rules as { id: string }[]).map((rule) => rule.id)).toContain("math-directive");
    const finish = chunks.find((chunk) => chunk.type === "finish")?.messageMetadata ?? {};
    expect(finish).toMatchObject({ finishReason: "stop" });
    expect((finish.usage as { completionTokens: number }).completionTokens).toBeGreaterThan(0);
    const timing = finish.bffTiming as { ttftMs: number; chunks: { reasoning: number; answer: number } };
    expect(timing.ttftMs).toBeGreaterThan(0);
    expect(timing.chunks.reasoning).toBe(chunks.filter((chunk) => chunk.type === "reasoning-delta").length);
    expect(timing.chunks.answer).toBe(chunks.filter((chunk) => chunk.type === "text-delta").length);
  });
});

describe("the request sent upstream follows the R1 rules", () => {
  it("bounds max_tokens and reports finish_reason length", async () => {
    const sim = sims.get("reasoning field (vLLM 0.16)") as SimServer;
    const stream = await streamAnswer(
      { turns: [{ role: "user", content: "What is 12 + 30?" }], maxTokens: 5 },
      { messageId: "answer-2", signal: new AbortController().signal, config: configFor(sim) },
    );
    const chunks = await readChunks(stream);
    expect(chunks.find((chunk) => chunk.type === "finish")?.messageMetadata).toMatchObject({
      finishReason: "length",
    });
    expect(joinDeltas(chunks, "text-delta")).toBe("");
  });
});

describe("BFF timing", () => {
  it("reads a known upstream timing as such: 40 ms to the first token, 10 ms between tokens", async () => {
    const sim = await startSimServer({ ttftMs: 40, itlMs: 10, seed: 3 });
    try {
      const stream = await streamAnswer(
        { turns: [{ role: "user", content: "What is 2 + 3?" }] },
        { messageId: "timed", signal: new AbortController().signal, config: configFor(sim) },
      );
      const chunks = await readChunks(stream);
      const updates = chunks.filter((chunk) => chunk.type === "message-metadata");
      expect(updates.length).toBeGreaterThan(0);
      const timing = chunks.find((chunk) => chunk.type === "finish")?.messageMetadata?.bffTiming as {
        ttftMs: number;
        gaps: { p50Ms: number };
        stalls: { count: number };
        ended: boolean;
      };
      expect(timing.ttftMs).toBeGreaterThanOrEqual(38);
      expect(timing.ttftMs).toBeLessThan(80);
      expect(timing.gaps.p50Ms).toBeGreaterThanOrEqual(8);
      expect(timing.gaps.p50Ms).toBeLessThan(16);
      expect(timing.stalls.count).toBe(0);
      expect(timing.ended).toBe(true);
    } finally {
      await sim.close();
    }
  });
});

describe("chunking detection", () => {
  it.each([
    [16, "upstream-lumps"],
    [1, "smooth"],
  ])("an upstream sending %s token(s) per chunk reads as %s", async (streamInterval, verdict) => {
    const sim = await startSimServer({ ttftMs: 1, itlMs: 1, streamInterval });
    try {
      const stream = await streamAnswer(
        { turns: [{ role: "user", content: "What is 2 + 3?" }] },
        { messageId: "lumps", signal: new AbortController().signal, config: configFor(sim) },
      );
      const metadata = (await readChunks(stream)).find((chunk) => chunk.type === "finish")
        ?.messageMetadata as {
        bffTiming: TimingSnapshot;
        usage: { completionTokens: number };
      };
      const rates = tokenRates(metadata.bffTiming, metadata.usage);
      expect(chunkingVerdict(rates.tokensPerChunk, undefined)).toBe(verdict);
    } finally {
      await sim.close();
    }
  });
});

describe("aborting", () => {
  it("aborts the upstream request at once", async () => {
    const sim = await startSimServer({ ttftMs: 1, itlMs: 20 });
    try {
      const controller = new AbortController();
      const stream = await streamAnswer(
        { turns: [{ role: "user", content: "Explain why the sky is blue." }] },
        { messageId: "answer-3", signal: controller.signal, config: configFor(sim) },
      );
      const reader = readChunks(stream);
      await waitFor(() => sim.load().running === 1, 1_000);
      expect(sim.load().running).toBe(1);
      controller.abort();
      await waitFor(() => sim.load().running === 0, 1_000);
      expect((await reader).at(-1)?.type).toBe("abort");
    } finally {
      await sim.close();
    }
  });
});
