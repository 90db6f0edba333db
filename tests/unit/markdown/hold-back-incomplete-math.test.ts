import { describe, expect, it } from "vitest";
import { holdBackIncompleteMath } from "@/lib/markdown";

describe("holdBackIncompleteMath", () => {
  it.each([
    ["So $$\nx = \\frac{1", "So "],
    ["So $$\nx = 1\n$", "So "],
    ["and $x + ", "and "],
    ["and \\( x", "and "],
    ["and \\[ x = \\frac{-b", "and "],
    ["and \\[ x \\", "and "],
    ["final \\boxed{\\frac{1}{2", "final "],
    ["$a$ then $b", "$a$ then "],
    ["$$\na\n\nb", ""],
  ])("holds back the unterminated formula in %j", (block, visible) => {
    expect(holdBackIncompleteMath(block)).toEqual({ text: visible, hasPendingMath: true });
  });

  it.each([
    "plain text",
    "$a$ and $$\nb\n$$ and \\(c\\) and \\[d\\] and \\boxed{e}",
    "costs \\$5",
    "```\n$$ not maths\n```",
    "```\nstill streaming code $",
    "in `$code` span",
    // An inline `$` cannot span a paragraph break, so a later paragraph means it was a literal dollar.
    "a lone $ sign\n\nnext paragraph",
  ])("leaves complete text alone: %j", (block) => {
    expect(holdBackIncompleteMath(block)).toEqual({ text: block, hasPendingMath: false });
  });
});
