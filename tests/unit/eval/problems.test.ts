import { describe, expect, it } from "vitest";
import { answersMatch } from "@/lib/eval/answer-match";
import { PROBLEMS } from "@/lib/eval/problems";
import { isChinese } from "@/lib/r1/language";
import { isMathQuestion } from "@/lib/r1/maths";

describe("the problem set", () => {
  it("has at least 20 problems with unique ids across every topic, a few in Chinese", () => {
    expect(PROBLEMS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(PROBLEMS.map((problem) => problem.id)).size).toBe(PROBLEMS.length);
    expect(new Set(PROBLEMS.map((problem) => problem.topic))).toEqual(
      new Set(["arithmetic", "algebra", "number theory", "combinatorics", "geometry"]),
    );
    expect(PROBLEMS.filter((problem) => isChinese(problem.question)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(PROBLEMS.map((problem) => [problem.id, problem] as const))(
    "%s is recognised as maths (so the R1 rules add their directive) and its answer matches itself",
    (_, problem) => {
      expect(isMathQuestion(problem.question)).toBe(true);
      expect(answersMatch(problem.answer, problem.answer)).toBe(true);
    },
  );
});
