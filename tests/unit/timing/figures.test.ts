import { describe, expect, it } from "vitest";
import { chunkingVerdict, tokenRates } from "@/lib/timing/figures";
import { StreamTimer } from "@/lib/timing/stream-timer";

function bffSnapshot(tokensPerChunk: number) {
  const timer = new StreamTimer("bff", 0);
  // 100 reasoning chunks over 1 s, then 50 answer chunks over 0.5 s.
  for (let i = 0; i < 100; i++) timer.chunk("reasoning", 40 + i * 10);
  for (let i = 0; i < 50; i++) timer.chunk("answer", 1_040 + i * 10);
  timer.end(1_540);
  return { snapshot: timer.snapshot(2_000), completionTokens: 150 * tokensPerChunk };
}

describe("tokenRates", () => {
  it("uses the upstream's usage and labels the split as estimated without reasoning tokens", () => {
    const { snapshot, completionTokens } = bffSnapshot(1);
    const rates = tokenRates(snapshot, { completionTokens });
    expect(rates.thinkingPerSecond).toBeCloseTo(100, 0);
    expect(rates.answerPerSecond).toBeCloseTo(100, 0);
    expect(rates.estimated).toBe(true);
    expect(rates.tokensPerChunk).toBe(1);
  });

  it("is exact when the upstream reports reasoning tokens", () => {
    const { snapshot } = bffSnapshot(1);
    const rates = tokenRates(snapshot, { completionTokens: 150, reasoningTokens: 120 });
    expect(rates.estimated).toBe(false);
    expect(rates.thinkingPerSecond).toBeCloseTo(120, 0);
    expect(rates.answerPerSecond).toBeCloseTo(60, 0);
  });

  it("treats a reported 0 reasoning tokens as unknown when reasoning streamed", () => {
    const { snapshot } = bffSnapshot(1);
    const rates = tokenRates(snapshot, { completionTokens: 150, reasoningTokens: 0 });
    expect(rates.estimated).toBe(true);
    expect(rates.thinkingPerSecond).toBeCloseTo(100, 0);
  });

  it("estimates from chunks while no usage has arrived", () => {
    const { snapshot } = bffSnapshot(1);
    expect(tokenRates(snapshot)).toMatchObject({ estimated: true, tokensPerChunk: undefined });
  });
});

describe("chunkingVerdict", () => {
  it("fires on 16 tokens per chunk and stays quiet at 1", () => {
    expect(chunkingVerdict(16, undefined)).toBe("upstream-lumps");
    expect(chunkingVerdict(1, { chunks: 150, reads: 150, resumed: false })).toBe("smooth");
  });

  it("names a buffering proxy between the BFF and the browser", () => {
    expect(chunkingVerdict(1, { chunks: 160, reads: 10, resumed: false })).toBe("proxy-buffering");
    expect(chunkingVerdict(1, { chunks: 160, reads: 10, resumed: true })).toBe("smooth");
  });
});
