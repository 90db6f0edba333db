import { describe, expect, it } from "vitest";
import { prepareBlocks } from "@/lib/markdown";
import { r1Answer } from "./r1-answer";

describe("prepareBlocks", () => {
  it("never changes a finished block while the answer streams in", () => {
    const final = prepareBlocks(r1Answer, false).blocks;
    for (let length = 1; length <= r1Answer.length; length++) {
      const { blocks } = prepareBlocks(r1Answer.slice(0, length), true);
      // Only the last block may still change; the memoised ones before it must already be final.
      expect(blocks.slice(0, -1)).toEqual(final.slice(0, blocks.length - 1));
    }
  });

  it("holds back an unterminated formula only while streaming", () => {
    const text = "Intro\n\nso \\[ x = \\frac{1";
    expect(prepareBlocks(text, true)).toEqual({ blocks: ["Intro\n\n", "so "], hasPendingMath: true });
    expect(prepareBlocks(text, false)).toEqual({
      blocks: ["Intro\n\n", "so \\[ x = \\frac{1"],
      hasPendingMath: false,
    });
  });

  it("handles empty text", () => {
    expect(prepareBlocks("", true)).toEqual({ blocks: [], hasPendingMath: false });
  });
});
