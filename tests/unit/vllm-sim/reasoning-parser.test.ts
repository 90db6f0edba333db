import { describe, expect, it } from "vitest";
import { completeMessage, streamingDelta } from "@/lib/vllm-sim/reasoning-parser";
import type { TokenPlan } from "@/lib/vllm-sim/token-plan";

// "Okay" "." "\n" </think> "\n\n" "Five" "."  EOS
const plan: TokenPlan = {
  tokens: ["Okay", ".", "\n", "</think>", "\n\n", "Five", ".", ""],
  thinkEndIndex: 3,
};

describe("streamingDelta with the deepseek_r1 parser", () => {
  it("sends reasoning before </think>, nothing for it alone, content after", () => {
    expect(streamingDelta(plan, 0, 1, true)).toEqual({ reasoning: "Okay" });
    expect(streamingDelta(plan, 3, 4, true)).toBeUndefined();
    expect(streamingDelta(plan, 4, 5, true)).toEqual({ content: "\n\n" });
    expect(streamingDelta(plan, 7, 8, true)).toEqual({ content: "" });
  });

  it("splits a multi-token delta around </think>, with content null when nothing follows", () => {
    expect(streamingDelta(plan, 1, 4, true)).toEqual({ content: null, reasoning: ".\n" });
    expect(streamingDelta(plan, 3, 6, true)).toEqual({ content: "\n\nFive", reasoning: "" });
  });

  it("without a parser streams everything, </think> included, as content", () => {
    expect(streamingDelta(plan, 2, 5, false)).toEqual({ content: "\n</think>\n\n" });
  });
});

describe("completeMessage", () => {
  it("splits at </think> and keeps the answer's leading blank line", () => {
    expect(completeMessage(plan, 8, true)).toEqual({ reasoning: "Okay.\n", content: "\n\nFive." });
  });

  it("leaves content null when generation stopped while thinking", () => {
    expect(completeMessage(plan, 2, true)).toEqual({ reasoning: "Okay.", content: null });
  });

  it("puts the raw text in content without a parser", () => {
    expect(completeMessage(plan, 8, false)).toEqual({ reasoning: null, content: "Okay.\n</think>\n\nFive." });
  });
});

// The original template leaves `<think>` to the model: <think> "\n" "Okay" "." </think> "\n\n" "Five" EOS
const opened: TokenPlan = {
  tokens: ["<think>", "\n", "Okay", ".", "</think>", "\n\n", "Five", ""],
  thinkStartIndex: 0,
  thinkEndIndex: 4,
};

describe("the deepseek_r1 parser when the model writes <think> itself", () => {
  it("sends nothing for a lone <think>, then the model's newline as reasoning", () => {
    expect(streamingDelta(opened, 0, 1, true)).toBeUndefined();
    expect(streamingDelta(opened, 1, 2, true)).toEqual({ reasoning: "\n" });
    expect(streamingDelta(opened, 4, 5, true)).toBeUndefined();
    expect(streamingDelta(opened, 5, 6, true)).toEqual({ content: "\n\n" });
  });

  it("keeps <think> in a multi-token delta without </think>, like BaseThinkingReasoningParser", () => {
    expect(streamingDelta(opened, 0, 3, true)).toEqual({ reasoning: "<think>\nOkay" });
  });

  it("takes the text between the tags when one delta holds both", () => {
    expect(streamingDelta(opened, 0, 7, true)).toEqual({ content: "\n\nFive", reasoning: "\nOkay." });
  });

  it("drops everything up to <think> in the complete message", () => {
    expect(completeMessage(opened, 8, true)).toEqual({ reasoning: "\nOkay.", content: "\n\nFive" });
    expect(completeMessage(opened, 3, true)).toEqual({ reasoning: "\nOkay", content: null });
  });

  it("passes <think> through as content without a parser", () => {
    expect(completeMessage(opened, 8, false)).toEqual({
      reasoning: null,
      content: "<think>\nOkay.</think>\n\nFive",
    });
  });
});
