import { describe, expect, it } from "vitest";
import { formatMs, percentile, percentiles } from "@/lib/doctor/stats";

describe("percentile", () => {
  it("interpolates between closest ranks, like numpy", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48);
    expect(percentile([5], 0.95)).toBe(5);
  });

  it("does not care about input order and leaves the input alone", () => {
    const samples = [9, 1, 5];
    expect(percentile(samples, 0.5)).toBe(5);
    expect(samples).toEqual([9, 1, 5]);
  });

  it("has nothing to say about no samples", () => {
    expect(percentile([], 0.5)).toBeUndefined();
    expect(percentiles([])).toBeUndefined();
  });

  it("gives p50 and p95 together", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(samples)).toEqual({ p50: 50.5, p95: expect.closeTo(95.05) });
  });
});

describe("formatMs", () => {
  it("picks a readable precision", () => {
    expect(formatMs(3.456)).toBe("3.5 ms");
    expect(formatMs(42.4)).toBe("42 ms");
    expect(formatMs(2141)).toBe("2.1 s");
  });
});
