import { describe, expect, it } from "vitest";
import { mean, percentile, percentileOfSorted, percentiles, sampleStandardDeviation } from "@/lib/stats";

describe("mean", () => {
  it("averages", () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(mean([0.8])).toBe(0.8);
  });
  it("is NaN for no values", () => {
    expect(mean([])).toBeNaN();
  });
});

describe("sampleStandardDeviation", () => {
  it("divides by n − 1", () => {
    // Deviations from the mean 5 square to 9+1+1+1+0+0+4+16 = 32; 32 / 7 is the sample variance.
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sampleStandardDeviation([0.6, 0.8])).toBeCloseTo(Math.SQRT2 / 10, 12);
  });
  it("is zero for identical values and NaN below two values", () => {
    expect(sampleStandardDeviation([0.5, 0.5, 0.5])).toBe(0);
    expect(sampleStandardDeviation([0.5])).toBeNaN();
    expect(sampleStandardDeviation([])).toBeNaN();
  });
});

describe("percentile (linear)", () => {
  const values = [15, 20, 35, 40, 50];
  it("interpolates linearly between closest ranks (NumPy's default)", () => {
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 40)).toBe(29);
    expect(percentile(values, 95)).toBeCloseTo(48, 12);
    expect(percentile([1, 2], 50)).toBe(1.5);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([5], 95)).toBe(5);
  });
  it("does not depend on the input order and leaves the input alone", () => {
    const shuffled = [40, 15, 50, 35, 20];
    expect(percentile(shuffled, 50)).toBe(35);
    expect(shuffled).toEqual([40, 15, 50, 35, 20]);
    const samples = [9, 1, 5];
    expect(percentile(samples, 50)).toBe(5);
    expect(samples).toEqual([9, 1, 5]);
  });
  it("handles one value, no values and out-of-range percentiles", () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });
});

describe("percentile (nearest rank)", () => {
  it("uses the nearest rank", () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileOfSorted(sorted, 50, "nearest-rank")).toBe(5);
    expect(percentileOfSorted(sorted, 95, "nearest-rank")).toBe(10);
    expect(percentileOfSorted(sorted, 0, "nearest-rank")).toBe(1);
    expect(percentileOfSorted([], 50, "nearest-rank")).toBeUndefined();
  });
});

describe("percentiles", () => {
  it("has nothing to say about no samples", () => {
    expect(percentiles([])).toBeUndefined();
  });

  it("gives p50 and p95 together", () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(samples)).toEqual({ p50: 50.5, p95: expect.closeTo(95.05) });
  });
});
