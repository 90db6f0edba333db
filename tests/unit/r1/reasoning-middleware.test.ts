import type { LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream, streamText, wrapLanguageModel } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { type ReasoningMode, r1ReasoningMiddleware } from "@/lib/r1/reasoning-middleware";

const usage = {
  inputTokens: { total: 5, noCache: 5, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 9, text: 9, reasoning: 0 },
};

function upstream(parts: LanguageModelV3StreamPart[]) {
  return new MockLanguageModelV3({
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: [
          { type: "stream-start", warnings: [] },
          ...parts,
          { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
        ],
      }),
    }),
  });
}

const content = (...deltas: string[]): LanguageModelV3StreamPart[] => [
  { type: "text-start", id: "txt-0" },
  ...deltas.map((delta) => ({ type: "text-delta" as const, id: "txt-0", delta })),
  { type: "text-end", id: "txt-0" },
];
const reasoningField = (...deltas: string[]): LanguageModelV3StreamPart[] => [
  { type: "reasoning-start", id: "reasoning-0" },
  ...deltas.map((delta) => ({ type: "reasoning-delta" as const, id: "reasoning-0", delta })),
  { type: "reasoning-end", id: "reasoning-0" },
];

async function collect(mode: ReasoningMode, parts: LanguageModelV3StreamPart[]) {
  const result = streamText({
    model: wrapLanguageModel({ model: upstream(parts), middleware: r1ReasoningMiddleware(mode) }),
    prompt: "q",
  });
  const order: string[] = [];
  for await (const part of result.fullStream) {
    if (part.type === "reasoning-delta" || part.type === "text-delta") {
      if (order.at(-1) !== part.type) order.push(part.type);
    }
  }
  return { reasoning: (await result.reasoningText) ?? "", text: await result.text, order };
}

describe("r1ReasoningMiddleware", () => {
  it("passes reasoning fields from vLLM's parser through untouched", async () => {
    const parts = [...reasoningField("Okay", ", 2+2"), ...content("\n\n", "It is 4.")];
    for (const mode of ["auto", "parser"] as const) {
      const out = await collect(mode, parts);
      expect(out).toEqual({
        reasoning: "Okay, 2+2",
        text: "\n\nIt is 4.",
        order: ["reasoning-delta", "text-delta"],
      });
    }
  });

  it("turns inline reasoning ended by </think> into reasoning parts (no parser)", async () => {
    const parts = content("Okay", ", 2+2.\n", "</think>", "\n\n", "It is 4.");
    for (const mode of ["auto", "inline"] as const) {
      const out = await collect(mode, parts);
      expect(out).toEqual({
        reasoning: "Okay, 2+2.\n",
        text: "\n\nIt is 4.",
        order: ["reasoning-delta", "text-delta"],
      });
    }
  });

  it("in auto mode, treats content that opens with a blank line as an answer that skipped thinking", async () => {
    const out = await collect("auto", content("\n\n", "The answer is 4."));
    expect(out).toEqual({ reasoning: "", text: "\n\nThe answer is 4.", order: ["text-delta"] });
  });

  it("keeps reasoning that was cut off before </think> as reasoning", async () => {
    const out = await collect("inline", content("Still thinking about it"));
    expect(out).toEqual({ reasoning: "Still thinking about it", text: "", order: ["reasoning-delta"] });
  });
});
