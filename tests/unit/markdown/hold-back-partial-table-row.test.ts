import { describe, expect, it } from "vitest";
import { holdBackPartialTableRow, prepareBlocks } from "@/lib/markdown";

const table = "| a | b |\n|---|---|\n| 1 | 2 |\n";

describe("holdBackPartialTableRow", () => {
  it.each([
    [`${table}| 3 | \\( x`, table],
    [`${table}|`, table],
    ["> | a | b |\n> |---|---|\n> | 1", "> | a | b |\n> |---|---|\n"],
    ["| a | b", ""],
  ])("cuts the row still being written in %j", (block, visible) => {
    expect(holdBackPartialTableRow(block)).toBe(visible);
  });

  it.each([table, "Text with a | pipe", "```sh\nls\n| grep x"])("leaves %j alone", (block) => {
    expect(holdBackPartialTableRow(block)).toBe(block);
  });

  it("applies only while streaming", () => {
    const text = `Intro\n\n${table}| 3`;
    expect(prepareBlocks(text, true).blocks.at(-1)).toBe(table);
    expect(prepareBlocks(text, false).blocks.at(-1)).toBe(`${table}| 3`);
  });
});
