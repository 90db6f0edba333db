import { describe, expect, it } from "vitest";
import { deliveryStats, groupDeliveries, judgeDelivery } from "@/lib/doctor/delivery";
import type { TokenChunk, TokenTimeline } from "@/lib/doctor/token-timeline";

const timeline = (chunks: TokenChunk[], exact = true): TokenTimeline => ({
  chunks,
  completionTokens: chunks.reduce((n, chunk) => n + chunk.tokens, 0),
  exact,
  firstEventAt: chunks[0]?.at,
});

/** `count` chunks of `tokens` each, `gapMs` apart. */
const evenly = (count: number, gapMs: number, tokens = 1): TokenChunk[] =>
  Array.from({ length: count }, (_, i) => ({ at: 30 + i * gapMs, tokens }));

/** Chunks generated every 5 ms but released by a proxy `perLump` at a time. */
const lumped = (count: number, perLump: number): TokenChunk[] =>
  Array.from({ length: count }, (_, i) => ({ at: 30 + Math.floor(i / perLump) * perLump * 5, tokens: 1 }));

const verdictOf = (chunks: TokenChunk[]) => judgeDelivery(deliveryStats(timeline(chunks)));

describe("groupDeliveries", () => {
  it("merges chunks that arrive within a millisecond of the previous one", () => {
    const chunks = [
      { at: 10, tokens: 1 },
      { at: 10, tokens: 1 },
      { at: 10.8, tokens: 2 },
      { at: 15, tokens: 1 },
    ];
    expect(groupDeliveries(chunks)).toEqual([
      { at: 10, chunks: 3, tokens: 4 },
      { at: 15, chunks: 1, tokens: 1 },
    ]);
  });
});

describe("judgeDelivery", () => {
  it("passes a stream of one token every few milliseconds", () => {
    expect(verdictOf(evenly(200, 5))).toEqual({
      judged: true,
      allAtOnce: false,
      heldInTransit: false,
      batchedAtSource: false,
    });
  });

  it("tolerates an occasional hiccup that delivers a few chunks together", () => {
    const chunks = evenly(200, 5);
    for (const i of [50, 51, 52, 53, 120, 121, 122])
      (chunks[i] as TokenChunk).at = (chunks[49] as TokenChunk).at;
    expect(verdictOf(chunks).heldInTransit).toBe(false);
  });

  it("blames transit when whole one-token events arrive in lumps", () => {
    const verdict = verdictOf(lumped(200, 20));
    expect(verdict).toMatchObject({ heldInTransit: true, batchedAtSource: false, allAtOnce: false });
    const stats = deliveryStats(timeline(lumped(200, 20)));
    expect(stats).toMatchObject({ deliveries: 10, medianChunksPerDelivery: 20, lumpedChunkShare: 1 });
    expect(stats.gapMs.p50).toBe(100);
  });

  it("blames the source when each event carries many tokens (--stream-interval)", () => {
    expect(verdictOf(evenly(13, 80, 16))).toMatchObject({ batchedAtSource: true, heldInTransit: false });
  });

  it("fails a stream that came in one piece", () => {
    const chunks = evenly(200, 0).map((chunk) => ({ ...chunk, at: 2_000 }));
    expect(verdictOf(chunks)).toMatchObject({ allAtOnce: true, heldInTransit: true });
  });

  it("does not judge a handful of tokens", () => {
    expect(verdictOf(evenly(5, 0))).toMatchObject({ judged: false, allAtOnce: false });
  });

  it("works from average token counts when the server sends no per-chunk usage", () => {
    const chunks = evenly(13, 80, 208 / 13);
    expect(deliveryStats(timeline(chunks, false))).toMatchObject({
      exactTokenCounts: false,
      medianTokensPerChunk: 16,
    });
  });
});
