import { describe, expect, it } from "vitest";
import { createBlockPreparer, prepareBlocks } from "@/lib/markdown";
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

  it("prepares a growing text incrementally to what it would be from scratch", () => {
    for (const text of [r1Answer, tricky]) {
      const prepare = createBlockPreparer();
      const final = prepareBlocks(text, false).blocks;
      for (let length = 1; length <= text.length; length++) {
        const prefix = text.slice(0, length);
        const { blocks, hasPendingMath } = prepare(prefix, true);
        const fromScratch = prepareBlocks(prefix, true);
        // Block boundaries may differ where marked rewrites a half-written line and from scratch falls back
        // to one block; the markdown itself may not.
        expect(blocks.join(""), prefix).toBe(fromScratch.blocks.join(""));
        expect(hasPendingMath).toBe(fromScratch.hasPendingMath);
        expect(blocks.slice(0, -2), prefix).toEqual(final.slice(0, Math.max(0, blocks.length - 2)));
      }
      expect(prepare(text, false).blocks).toEqual(final);
    }
  });

  it("starts over when the text is not a continuation", () => {
    const prepare = createBlockPreparer();
    prepare("First\n\nSecond\n\nThird", true);
    expect(prepare("Other\n\nText", true)).toEqual(prepareBlocks("Other\n\nText", true));
    expect(prepare("Other", true)).toEqual(prepareBlocks("Other", true));
  });

  it("handles empty text", () => {
    expect(prepareBlocks("", true)).toEqual({ blocks: [], hasPendingMath: false });
  });
});

/** Blocks whose end is only known later: loose lists, setext headings, tables, fences, display maths over blank lines. */
const tricky = [
  "1. first",
  "",
  "2. second with $x$",
  "   continued",
  "",
  "- a",
  "",
  "- - -",
  "",
  "* b",
  "lazy line",
  "",
  "  still b?",
  "",
  "Heading",
  "=======",
  "",
  "| a | b |",
  "|---|---|",
  "| \\(x\\) | 2 |",
  "",
  "```js",
  "const a = 1;",
  "",
  "```",
  "",
  "$$",
  "a",
  "",
  "b",
  "$$",
  "    indented code",
  "",
  "> quote \\[ y \\] done.",
  "lazy",
  "",
  "End.",
].join("\n");
