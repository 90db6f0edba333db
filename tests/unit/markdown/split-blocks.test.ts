import { describe, expect, it } from "vitest";
import { splitBlocks } from "@/lib/markdown";

const answer = [
  "# Title",
  "",
  "Intro paragraph.",
  "",
  "```python",
  "x = 1",
  "",
  "y = 2",
  "```",
  "",
  "- one",
  "- two",
  "",
  "  still two",
  "",
  "| a | b |",
  "|---|---|",
  "| 1 | 2 |",
  "",
  "$$",
  "a = 1",
  "",
  "b = 2",
  "$$",
  "",
  "Done.",
  "",
].join("\n");

describe("splitBlocks", () => {
  it("loses nothing: blocks join back to the text", () => {
    expect(splitBlocks(answer).join("")).toBe(answer);
  });

  it("keeps fences, lists, tables and display maths whole", () => {
    const blocks = splitBlocks(answer);
    expect(blocks.map((block) => block.trim())).toEqual([
      "# Title",
      "Intro paragraph.",
      "```python\nx = 1\n\ny = 2\n```",
      "- one\n- two\n\n  still two",
      "| a | b |\n|---|---|\n| 1 | 2 |",
      "$$\na = 1\n\nb = 2\n$$",
      "Done.",
    ]);
  });

  it("keeps display maths whole when it follows text in the same paragraph", () => {
    const text = "Thus\n$$\na\n\nb\n$$\nso.\n\nNext";
    expect(splitBlocks(text)).toEqual(["Thus\n$$\na\n\nb\n$$\nso.\n\n", "Next"]);
  });

  it("keeps an unterminated display formula and everything after it in the last block", () => {
    expect(splitBlocks("Intro\n\n$$\na\n\nb")).toEqual(["Intro\n\n", "$$\na\n\nb"]);
  });

  it("ignores $$ inside code blocks", () => {
    expect(splitBlocks("```\n$$\n```\n\nafter")).toEqual(["```\n$$\n```\n\n", "after"]);
  });

  it("falls back to one block when marked rewrites the input (CRLF)", () => {
    const text = "a\r\n\r\nb";
    expect(splitBlocks(text)).toEqual([text]);
  });

  it("returns no blocks for empty text", () => {
    expect(splitBlocks("")).toEqual([]);
  });
});
