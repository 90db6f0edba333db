import { describe, expect, it } from "vitest";
import { clusterEnd } from "@/lib/smooth-text/cluster-boundary";
import { TextPacer } from "@/lib/smooth-text/text-pacer";
import { mulberry32 } from "@/lib/vllm-sim/prng";
import {
  arrivedBy,
  type Chunk,
  coefficientOfVariation,
  FRAME_MS,
  lumpyStream,
  simulate,
  stepsBetween,
} from "./simulate";

const MAX_LAG_MS = 200;

/** Steady chunks of `size` characters every `gapMs` from `fromMs` to `toMs`. */
function steady(size: number, gapMs: number, fromMs: number, toMs: number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let atMs = fromMs; atMs < toMs; atMs += gapMs) chunks.push({ atMs, text: "y".repeat(size) });
  return chunks;
}

/** Characters per second shown between `fromMs` and `toMs`. */
function revealRate(frames: ReturnType<typeof simulate>["frames"], fromMs: number, toMs: number): number {
  return (stepsBetween(frames, fromMs, toMs).reduce((sum, step) => sum + step, 0) / (toMs - fromMs)) * 1000;
}

describe("TextPacer", () => {
  it("shows nothing before any text and spreads a first chunk evenly over the lag bound", () => {
    const pacer = new TextPacer();
    expect(pacer.frame(0)).toBe(0);
    pacer.push("x".repeat(60), 0);
    const shown: number[] = [];
    for (let frame = 1; frame <= 12; frame++) shown.push(pacer.frame(frame * FRAME_MS));
    // 60 characters over 200 ms at 60 fps: 5 a frame, all of them shown by the 12th frame.
    const steps = shown.map((length, i) => length - (shown[i - 1] ?? 0));
    expect(shown.at(-1)).toBe(60);
    expect(steps.every((step) => step >= 4 && step <= 6)).toBe(true);
  });

  it.each([1, 2, 3])("reveals lumpy input (seed %i) at an even pace", (seed) => {
    const chunks = lumpyStream({ seed, totalChars: 4000, maxChunk: 12, minGapMs: 10, maxGapMs: 60 });
    const { frames } = simulate(chunks);
    const endMs = (chunks.at(-1) as Chunk).atMs;
    const paced = stepsBetween(frames, 500, endMs - MAX_LAG_MS);
    const arrivals = frames.slice(1).map((frame, i) => frame.arrived - (frames[i]?.arrived ?? 0));

    expect(coefficientOfVariation(paced)).toBeLessThan(0.4);
    expect(coefficientOfVariation(paced)).toBeLessThan(coefficientOfVariation(arrivals) / 3);
    expect(paced.filter((step) => step === 0).length / paced.length).toBeLessThan(0.05);
    expect(Math.max(...paced)).toBeLessThan(Math.max(...arrivals) / 2);
  });

  it.each([
    ["small frequent chunks", { seed: 4, totalChars: 3000, maxChunk: 4, minGapMs: 5, maxGapMs: 20 }],
    [
      "big bursts after long silences",
      { seed: 5, totalChars: 3000, maxChunk: 120, minGapMs: 50, maxGapMs: 900 },
    ],
    ["irregular proxy buffering", { seed: 6, totalChars: 3000, maxChunk: 40, minGapMs: 0, maxGapMs: 150 }],
  ])("never lets a character wait longer than the bound: %s", (_name, stream) => {
    const chunks = lumpyStream(stream);
    chunks.splice(chunks.length >> 1, 0, {
      atMs: (chunks[chunks.length >> 1] as Chunk).atMs,
      text: "z".repeat(2000),
    });
    for (const maxLagMs of [MAX_LAG_MS, 80]) {
      for (const frame of simulate(chunks, { maxLagMs }).frames) {
        expect(frame.visible).toBeGreaterThanOrEqual(arrivedBy(chunks, frame.atMs - maxLagMs));
        expect(frame.visible).toBeLessThanOrEqual(frame.arrived);
      }
    }
  });

  it("shows everything at once on flush, then paces what comes after", () => {
    const pacer = new TextPacer();
    pacer.push("a".repeat(500), 0);
    pacer.frame(0);
    expect(pacer.frame(50)).toBeLessThan(200);
    pacer.flush();
    expect(pacer.frame(51)).toBe(500);
    pacer.push("a".repeat(600), 80);
    expect(pacer.frame(90)).toBeLessThan(600);
    expect(pacer.frame(280)).toBe(600);
  });

  it("speeds up when the text arrives faster", () => {
    const chunks = [...steady(4, 40, 0, 3000), ...steady(16, 40, 3000, 6000)];
    const { frames } = simulate(chunks);
    expect(revealRate(frames, 1000, 2800)).toBeCloseTo(100, -1);
    expect(revealRate(frames, 3600, 5800)).toBeGreaterThan(400 * 0.95);
    expect(revealRate(frames, 3600, 5800)).toBeLessThan(400 * 1.05);
  });

  it("slows down when the text arrives slower, without stalling", () => {
    const chunks = [...steady(16, 40, 0, 3000), ...steady(4, 40, 3000, 6000)];
    const { frames } = simulate(chunks);
    const slow = stepsBetween(frames, 3600, 5800);
    expect(revealRate(frames, 3600, 5800)).toBeGreaterThan(100 * 0.95);
    expect(revealRate(frames, 3600, 5800)).toBeLessThan(100 * 1.05);
    expect(Math.max(...slow)).toBeLessThanOrEqual(3);
  });

  it("estimates the arrival rate from recent chunks, ignoring silences before the first one", () => {
    const pacer = new TextPacer();
    pacer.push("", 0);
    let text = "";
    for (let atMs = 5000; atMs < 6000; atMs += 50) {
      text += "abcde";
      pacer.push(text, atMs);
    }
    expect(pacer.arrivalRate).toBeCloseTo(100, 5);
  });

  it("never cuts through a character, emoji or flag", () => {
    const sample = "数学𠀀 e\u0301 😀 👍🏽 👨‍👩‍👧‍👦 🇨🇳🇺🇸 1\uFE0F\u20E3 नमस्ते ";
    const random = mulberry32(9);
    const codePoints = Array.from(sample.repeat(40));
    const chunks: Chunk[] = [];
    for (let i = 0, atMs = 0; i < codePoints.length; atMs += 5 + random() * 50) {
      const size = 1 + Math.floor(random() * 6);
      chunks.push({ atMs, text: codePoints.slice(i, i + size).join("") });
      i += size;
    }
    const { frames, text } = simulate(chunks);
    for (const { visible, arrived } of frames) {
      expect(clusterEnd(text.slice(0, arrived), visible)).toBe(visible);
    }
  });

  it("restarts on a text that replaces rather than extends, keeping what was shown", () => {
    const pacer = new TextPacer();
    pacer.push("a".repeat(100), 0);
    pacer.frame(0);
    const shown = pacer.frame(100);
    expect(shown).toBe(50);

    pacer.push("b".repeat(300), 100);
    expect(pacer.frame(100)).toBe(shown);
    expect(pacer.frame(290)).toBeLessThan(300);
    expect(pacer.frame(300)).toBe(300);

    pacer.push("", 400);
    expect(pacer.frame(401)).toBe(0);
    pacer.push("👨‍👩‍👧", 420);
    pacer.frame(430);
    pacer.push("👨‍👩‍👧".repeat(3), 440);
    pacer.push("x", 441);
    expect(pacer.frame(442)).toBe(1);
  });
});
