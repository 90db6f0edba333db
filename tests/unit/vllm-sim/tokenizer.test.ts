import { describe, expect, it } from "vitest";
import { renderR1Prompt } from "@/lib/vllm-sim/chat-template";
import { countTokens, tokenize } from "@/lib/vllm-sim/tokenizer";

describe("tokenize", () => {
  it("splits into word pieces that concatenate back to the input", () => {
    const text = "Okay, so x² − 4ac \\boxed{12} 你好，世界！\n\nThe discriminant";
    const pieces = tokenize(text);
    expect(pieces.join("")).toBe(text);
    expect(pieces).toEqual(
      expect.arrayContaining([
        "Okay",
        ",",
        " so",
        "\\boxed",
        "1",
        "2",
        " 你",
        "好",
        "\n\n",
        " discrimi",
        "nant",
      ]),
    );
  });

  it("counts each special token of the chat template as one token", () => {
    const prompt = renderR1Prompt([{ role: "user", content: "Hi" }], {
      addGenerationPrompt: true,
      continueFinalMessage: false,
    });
    expect(prompt).toBe("<｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>\n");
    expect(countTokens(prompt)).toBe(6);
  });
});

describe("renderR1Prompt", () => {
  it("keeps the last system prompt first and strips earlier reasoning from assistant turns", () => {
    const prompt = renderR1Prompt(
      [
        { role: "system", content: "old" },
        { role: "system", content: "Be brief." },
        { role: "user", content: "Q1" },
        { role: "assistant", content: "thinking…</think>\n\nA1" },
        { role: "user", content: "Q2" },
      ],
      { addGenerationPrompt: true, continueFinalMessage: false },
    );
    expect(prompt).toBe(
      "<｜begin▁of▁sentence｜>Be brief.<｜User｜>Q1<｜Assistant｜>\n\nA1<｜end▁of▁sentence｜><｜User｜>Q2<｜Assistant｜><think>\n",
    );
  });
});
