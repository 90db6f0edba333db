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
