import { describe, expect, it } from "vitest";
import { clusterEnd } from "@/lib/smooth-text/cluster-boundary";

/** Every index at which `clusterEnd` may stop inside `text`. */
const stops = (text: string) => [
  ...new Set(Array.from({ length: text.length + 1 }, (_, i) => clusterEnd(text, i))),
];

describe("clusterEnd", () => {
  it("leaves plain text and CJK alone", () => {
    expect(stops("ab")).toEqual([0, 1, 2]);
    expect(stops("数学")).toEqual([0, 1, 2]);
  });

  it("clamps to the text", () => {
    expect(clusterEnd("abc", -4)).toBe(0);
    expect(clusterEnd("abc", 99)).toBe(3);
    expect(clusterEnd("abc", Number.POSITIVE_INFINITY)).toBe(3);
  });

  it("never splits a surrogate pair (emoji, CJK Extension B)", () => {
    expect(stops("😀𠀀")).toEqual([0, 2, 4]);
  });

  it("keeps accents, variation selectors, keycaps and skin tones with their character", () => {
    expect(stops("e\u0301x")).toEqual([0, 2, 3]);
    expect(stops("1\uFE0F\u20E3")).toEqual([0, 3]);
    expect(stops("👍🏽!")).toEqual([0, 4, 5]);
    expect(stops("नमस्ते")).toEqual([0, 1, 2, 4, 6]);
  });

  it("keeps ZWJ emoji sequences whole", () => {
    const family = "👨‍👩‍👧‍👦";
    expect(stops(`${family}a`)).toEqual([0, family.length, family.length + 1]);
  });

  it("pairs regional indicators into flags", () => {
    expect(stops("🇨🇳🇺🇸")).toEqual([0, 4, 8]);
    expect(stops("a🇨🇳🇺")).toEqual([0, 1, 5, 7]);
  });

  it("keeps the tag characters of a subdivision flag", () => {
    const scotland = "🏴󠁧󠁢󠁳󠁣󠁴󠁿";
    expect(stops(scotland)).toEqual([0, scotland.length]);
  });
});
