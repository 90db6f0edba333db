import { describe, expect, it } from "vitest";
import { answersMatch } from "@/lib/eval/answer-match";
import { latexValue } from "@/lib/eval/latex-value";

describe("answersMatch", () => {
  it.each([
    ["\\frac{1}{2}", "\\frac{1}{2}"],
    ["1/2", "\\frac{1}{2}"],
    ["0.5", "\\frac{1}{2}"],
    [".5", "\\frac{1}{2}"],
    ["\\dfrac{1}{2}", "\\frac{1}{2}"],
    ["\\tfrac12", "\\frac{1}{2}"],
    ["\\frac12", "\\frac{1}{2}"],
    ["\\left(\\frac{1}{2}\\right)", "\\frac{1}{2}"],
    ["2/4", "\\frac{1}{2}"],
    ["$\\frac{1}{2}$", "\\frac{1}{2}"],
    ["x=3", "3"],
    ["x = 3", "3"],
    ["n=3.", "3"],
    ["  3  ", "3"],
    ["3.0", "3"],
    ["\\text{3}", "3"],
    ["3 \\text{ dollars}", "3dollars"],
    ["\\textbf{42}", "42"],
    ["\\mathrm{42}", "42"],
    ["{42}", "42"],
    ["\\boxed{42}", "42"],
    ["1{,}000", "1000"],
    ["1,000", "1000"],
    ["50\\%", "50"],
    ["90^\\circ", "90"],
    ["90^{\\circ}", "90"],
    ["68。", "68"],
    ["-\\frac{3}{2}", "-1.5"],
    ["−3", "-3"],
    ["3\\sqrt{2}", "3\\sqrt{2}"],
    ["\\sqrt{18}", "3\\sqrt{2}"],
    ["3 \\cdot \\sqrt{2}", "3\\sqrt{2}"],
    ["\\frac{3}{\\sqrt{2}} \\cdot 2", "3\\sqrt{2}"],
    ["\\binom{8}{3}", "56"],
    ["\\frac{8!}{3!\\,5!}", "56"],
    ["2^{10}", "1024"],
    ["2^10", "1024"],
    ["\\sqrt[3]{27}", "3"],
    ["2\\pi", "6.283185307179586"],
    ["x = 2 \\text{ or } x = 3", "2, 3"],
    ["x = 3 \\text{ or } x = 2", "2, 3"],
    ["x_1 = 3, x_2 = 2", "2, 3"],
    ["\\{2, 3\\}", "2, 3"],
    ["2 and 3", "2, 3"],
    ["x = 2 \\text{ 或 } x = -3", "-3, 2"],
    ["-3，2", "-3, 2"],
    ["x = \\pm 2", "2, -2"],
    ["\\text{LEVEL}", "level"],
  ])("accepts %s for %s", (given, expected) => {
    expect(answersMatch(given, expected)).toBe(true);
  });

  it.each([
    ["4", "3"],
    ["\\frac{1}{3}", "\\frac{1}{2}"],
    ["0.33", "\\frac{1}{3}"],
    ["-3", "3"],
    ["2", "2, 3"],
    ["2, 3, 4", "2, 3"],
    ["2, 2", "2, 3"],
    ["x = 2 \\text{ or } x = -3", "2, 3"],
    ["", "3"],
    ["\\text{}", "3"],
    ["3\\sqrt{3}", "3\\sqrt{2}"],
    ["(1, 2)", "1, 2"],
    ["banana", "42"],
    ["1,001", "1000"],
  ])("rejects %s for %s", (given, expected) => {
    expect(answersMatch(given, expected)).toBe(false);
  });
});

describe("latexValue", () => {
  it.each([
    ["2 + 3 \\times 4", 14],
    ["(2 + 3) \\times 4", 20],
    ["-2^2", -4],
    ["2^{-1}", 0.5],
    ["\\frac{\\frac{1}{2}}{2}", 0.25],
    ["5!", 120],
    ["10 ÷ 4", 2.5],
  ])("evaluates %s", (source, value) => {
    expect(latexValue(source)).toBeCloseTo(value, 12);
  });

  it.each(["x", "\\frac{1}", "2 +", "(3", "\\alpha", "1/0", "171!", "1..2"])(
    "has no value for %s",
    (source) => {
      expect(latexValue(source)).toBeUndefined();
    },
  );
});
