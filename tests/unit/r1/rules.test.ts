import { describe, expect, it } from "vitest";
import { MATH_DIRECTIVE_EN, MATH_DIRECTIVE_ZH } from "@/lib/r1/maths";
import {
  addMathDirective,
  applyR1Rules,
  PromptTooLongError,
  type R1Limits,
  stripReasoning,
} from "@/lib/r1/rules";
import { estimateTokens, safetyMargin } from "@/lib/r1/tokens";

const limits: R1Limits = { maxModelLen: 131_072, defaultMaxTokens: 32_768, forceThinkPrefix: false };
const ids = (plan: ReturnType<typeof applyR1Rules>) => plan.applied.map((rule) => rule.id);

describe("sampling", () => {
  it("defaults to temperature 0.6 and top_p 0.95", () => {
    const plan = applyR1Rules({ turns: [{ role: "user", content: "Hello" }] }, limits);
    expect(plan.temperature).toBe(0.6);
    expect(plan.topP).toBe(0.95);
    expect(ids(plan)).toContain("temperature-default");
  });

  it.each([
    [1.0, 0.7],
    [0, 0.5],
    [0.65, 0.65],
  ])("keeps a requested temperature %s within 0.5–0.7 (→ %s)", (requested, expected) => {
    const plan = applyR1Rules({ turns: [{ role: "user", content: "Hi" }], temperature: requested }, limits);
    expect(plan.temperature).toBe(expected);
    expect(ids(plan).includes("temperature-clamped")).toBe(requested !== expected);
  });
});

describe("system instructions", () => {
  it("never sends a system message: persona and system turns go into the first user message", () => {
    const plan = applyR1Rules(
      {
        persona: "You are a patient maths tutor.",
        turns: [
          { role: "system", content: "Answer briefly." },
          { role: "user", content: "Hi there" },
          { role: "assistant", content: "Hello!" },
          { role: "user", content: "Thanks" },
        ],
      },
      limits,
    );
    expect(plan.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(plan.messages[0]?.content).toBe("You are a patient maths tutor.\n\nAnswer briefly.\n\nHi there");
    expect(plan.messages[2]?.content).toBe("Thanks");
    expect(ids(plan)).toContain("system-folded");
  });

  it("reports nothing folded when there is no instruction", () => {
    const plan = applyR1Rules({ persona: "  ", turns: [{ role: "user", content: "Hi" }] }, limits);
    expect(ids(plan)).not.toContain("system-folded");
  });
});

describe("maths directive", () => {
  it("adds the English directive to an English maths question", () => {
    expect(addMathDirective("What is 17 * 23?")).toBe(`What is 17 * 23?\n${MATH_DIRECTIVE_EN}`);
    expect(addMathDirective("Solve x^2 - 5x + 6 = 0")).toContain(MATH_DIRECTIVE_EN);
  });

  it.each([
    "What is 12 times 7?",
    "Find the greatest common divisor of 84 and 126.",
    "What is 3 to the power of 4?",
    "What is the least common multiple of 4 and 6?",
  ])("recognises plainly worded maths: %s", (question) => {
    expect(addMathDirective(question)).toContain(MATH_DIRECTIVE_EN);
  });

  it.each(["12 乘以 7 是多少", "求 84 和 126 的最大公约数"])("recognises Chinese maths: %s", (question) => {
    expect(addMathDirective(question)).toContain(MATH_DIRECTIVE_ZH);
  });

  it("adds the Chinese directive to a Chinese maths question", () => {
    expect(addMathDirective("计算 12 + 30 等于多少？")).toBe(`计算 12 + 30 等于多少？\n${MATH_DIRECTIVE_ZH}`);
  });

  it("leaves non-maths questions and questions that already ask for it alone", () => {
    expect(addMathDirective("Write a haiku about autumn")).toBe("Write a haiku about autumn");
    expect(addMathDirective("你好，介绍一下你自己")).toBe("你好，介绍一下你自己");
    const asked = "Solve 2x + 3 = 7. Put the answer in \\boxed{}.";
    expect(addMathDirective(asked)).toBe(asked);
    const stepwise = "Reason step by step: what is 3 + 4?";
    expect(addMathDirective(stepwise)).toBe(stepwise);
  });
});

describe("history", () => {
  it("strips the reasoning of earlier assistant turns, as the R1 template does", () => {
    expect(stripReasoning("Okay, let me think.\n</think>\n\nThe answer is 4.")).toBe("The answer is 4.");
    expect(stripReasoning("No reasoning here")).toBe("No reasoning here");
    const plan = applyR1Rules(
      {
        turns: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello!", reasoning: "The user greets me." },
          { role: "user", content: "Bye" },
        ],
      },
      limits,
    );
    expect(plan.messages[1]).toEqual({ role: "assistant", content: "Hello!" });
    expect(JSON.stringify(plan.messages)).not.toContain("greets");
    expect(ids(plan)).toContain("reasoning-stripped");
  });
});

describe("thinking prefix", () => {
  it("relies on the template by default", () => {
    const plan = applyR1Rules({ turns: [{ role: "user", content: "Hi" }] }, limits);
    expect(plan.continueFinalMessage).toBe(false);
    expect(plan.messages.at(-1)?.role).toBe("user");
  });

  it("forces <think> with an assistant prefix when the template does not add it", () => {
    const plan = applyR1Rules(
      { turns: [{ role: "user", content: "Hi" }] },
      { ...limits, forceThinkPrefix: true },
    );
    expect(plan.continueFinalMessage).toBe(true);
    expect(plan.messages.at(-1)).toEqual({ role: "assistant", content: "<think>\n" });
  });
});

describe("token estimate", () => {
  it("counts digits one by one and LaTeX densely, so it does not fall short of Qwen's tokenizer", () => {
    expect(estimateTokens("12345")).toBe(5);
    expect(estimateTokens("答案是")).toBe(3);
    expect(estimateTokens("\\frac{1}{2}")).toBeGreaterThanOrEqual(5);
  });
});

describe("max_tokens", () => {
  it("uses the default when it fits", () => {
    const plan = applyR1Rules({ turns: [{ role: "user", content: "Hi" }] }, limits);
    expect(plan.maxTokens).toBe(32_768);
    expect(ids(plan)).not.toContain("max-tokens-bounded");
  });

  it("bounds max_tokens by what the context leaves, keeping a safety margin for the estimate", () => {
    const plan = applyR1Rules(
      { turns: [{ role: "user", content: "word ".repeat(200) }] },
      { ...limits, maxModelLen: 1_000 },
    );
    expect(plan.maxTokens).toBe(1_000 - plan.promptTokensEstimate - safetyMargin(plan.promptTokensEstimate));
    expect(plan.maxTokens).toBeLessThan(1_000);
    expect(ids(plan)).toContain("max-tokens-bounded");
  });

  it("refuses a prompt that leaves no room for an answer", () => {
    expect(() =>
      applyR1Rules(
        { turns: [{ role: "user", content: "word ".repeat(2_000) }] },
        { ...limits, maxModelLen: 1_000 },
      ),
    ).toThrow(PromptTooLongError);
  });
});

describe("a multi-turn conversation with a persona", () => {
  it("applies every rule together", () => {
    const plan = applyR1Rules(
      {
        persona: "你是一位耐心的数学老师。",
        temperature: 0.9,
        turns: [
          { role: "user", content: "计算 3 + 5 等于多少？" },
          { role: "assistant", content: "好的，3 加 5。\n</think>\n\n答案是 \\boxed{8}。" },
          { role: "user", content: "What is 12 * 12?" },
        ],
      },
      limits,
    );
    expect(plan.messages).toEqual([
      { role: "user", content: `你是一位耐心的数学老师。\n\n计算 3 + 5 等于多少？\n${MATH_DIRECTIVE_ZH}` },
      { role: "assistant", content: "答案是 \\boxed{8}。" },
      { role: "user", content: `What is 12 * 12?\n${MATH_DIRECTIVE_EN}` },
    ]);
    expect(plan.temperature).toBe(0.7);
    expect(ids(plan)).toEqual([
      "temperature-clamped",
      "top-p",
      "system-folded",
      "math-directive",
      "reasoning-stripped",
      "think-prefix",
    ]);
  });
});
