import { describe, expect, it } from "vitest";
import { parserFinding, templateFinding } from "@/lib/doctor/checks/reasoning";
import { observeReasoning } from "@/lib/doctor/reasoning-observation";
import type { StreamEvent } from "@/lib/doctor/sse-recorder";

type Delta = {
  role?: string;
  content?: string | null;
  reasoning?: string | null;
  reasoning_content?: string | null;
};

const stream = (deltas: Delta[], finish = "stop"): StreamEvent[] =>
  deltas.map((delta, i) => ({
    at: i,
    chunk: { choices: [{ delta, finish_reason: i === deltas.length - 1 ? finish : null }] },
  }));

const role = { role: "assistant", content: "" };
const judge = (events: StreamEvent[]) => {
  const observation = observeReasoning(events);
  return {
    field: observation.field,
    parser: parserFinding(observation),
    template: templateFinding(observation),
  };
};

describe("reading R1's reasoning off a stream", () => {
  it("recognises each vLLM era's reasoning field", () => {
    expect(judge(stream([role, { reasoning: "Okay" }, { content: "\n\n5" }])).field).toBe("reasoning");
    expect(judge(stream([role, { reasoning_content: "Okay" }, { content: "5" }])).field).toBe(
      "reasoning_content",
    );
    const both = stream([
      { ...role, reasoning_content: null },
      { reasoning: "Okay", reasoning_content: "Okay" },
      { content: "5", reasoning_content: null },
    ]);
    const { field, parser, template } = judge(both);
    expect(field).toBe("both");
    expect(parser).toMatchObject({ status: "ok", title: "Reasoning parser on (both)" });
    expect(template.status).toBe("ok");
  });

  it("sees the parser off when the thinking ends with </think> in content", () => {
    const { field, parser, template } = judge(
      stream([role, { content: "Okay.\n" }, { content: "</think>\n\n5" }]),
    );
    expect(field).toBe("none");
    expect(parser.status).toBe("warn");
    expect(template.status).toBe("ok");
  });

  it("is inconclusive when a parser-less answer was cut before </think>", () => {
    const { parser, template } = judge(stream([role, { content: "Okay, so" }], "length"));
    expect(parser.status).toBe("info");
    expect(template.status).toBe("info");
  });

  it.each([
    ["content starting with <think>", [role, { content: "<think>\nOkay" }, { content: "</think>\n\n5" }]],
    [
      "reasoning starting with the model's newline",
      [role, { reasoning: "\n" }, { reasoning: "Okay" }, { content: "5" }],
    ],
    ["empty reasoning", [role, { reasoning: "\n\n" }, { content: "\n\n5" }]],
    ["the answer before any reasoning", [role, { content: "5" }, { reasoning: "hm" }]],
    ["no thinking at all without a parser", [role, { content: "The answer is 5." }]],
  ] as [string, Delta[]][])("blames the chat template for %s", (_, deltas) => {
    const { template } = judge(stream(deltas));
    expect(template.status).toBe("warn");
    expect(template.fix).toContain("--chat-template");
  });
});
