import { describe, expect, it } from "vitest";
import { extractFinalBoxed } from "@/lib/markdown";

describe("extractFinalBoxed", () => {
  it("returns the content of the last \\boxed", () => {
    expect(extractFinalBoxed("First \\(\\boxed{1}\\), finally \\[\\boxed{42}\\]")).toBe("42");
  });

  it("balances nested and escaped braces", () => {
    expect(extractFinalBoxed("$\\boxed{\\frac{1}{\\sqrt{2}}}$")).toBe("\\frac{1}{\\sqrt{2}}");
    expect(extractFinalBoxed("\\boxed{\\{1, 2\\}}")).toBe("\\{1, 2\\}");
  });

  it("skips an unbalanced trailing \\boxed (still streaming)", () => {
    expect(extractFinalBoxed("\\boxed{7} and then \\boxed{\\frac{1")).toBe("7");
  });

  it("treats a \\boxed nested in another as part of it", () => {
    expect(extractFinalBoxed("\\boxed{a + \\boxed{b}}")).toBe("a + \\boxed{b}");
  });

  it("ignores \\boxed in code", () => {
    expect(extractFinalBoxed("\\boxed{3}\n```tex\n\\boxed{x}\n```\nand `\\boxed{y}`")).toBe("3");
  });

  it("returns null without a \\boxed", () => {
    expect(extractFinalBoxed("no answer here")).toBeNull();
    expect(extractFinalBoxed("\\boxed")).toBeNull();
  });
});
