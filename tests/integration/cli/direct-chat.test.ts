import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnswerEvent } from "@/lib/cli/answer-events";
import { DirectChat } from "@/lib/cli/direct-chat";
import { type ConnectedUpstream, connectUpstream } from "@/lib/cli/upstream";
import { parseUpstreamEnv, resolveUpstreamTarget, type UpstreamTarget } from "@/lib/cli/upstream-options";
import { MATH_DIRECTIVE_EN } from "@/lib/r1/maths";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";

let sim: SimServer;
let target: UpstreamTarget;
let upstream: ConnectedUpstream;

beforeAll(async () => {
  sim = await startSimServer({ ttftMs: 1, itlMs: 0, maxModelLen: 65_536 });
  target = resolveUpstreamTarget({ url: `${sim.url}/v1` }, parseUpstreamEnv({}));
  upstream = await connectUpstream(target);
});
afterAll(async () => {
  await sim.close();
});

async function collect(events: AsyncIterable<AnswerEvent>): Promise<AnswerEvent[]> {
  const all: AnswerEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const text = (events: AnswerEvent[], type: "reasoning" | "answer") =>
  events.map((event) => (event.type === type ? event.text : "")).join("");

describe("DirectChat", () => {
  it("reads the model and its context from /v1/models", () => {
    expect(upstream.model).toEqual({ id: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", maxModelLen: 65_536 });
  });

  it("sends the conversation with the R1 rules: persona folded in, earlier reasoning left out", async () => {
    const chat = new DirectChat(upstream, target, { persona: "Be brief." });
    const first = await collect(chat.ask("Compute 2 + 3.", new AbortController().signal));
    expect(text(first, "reasoning")).toContain("2 + 3");
    expect(text(first, "answer")).toContain("\\boxed{5}");
    expect(first.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });

    const fetchSpy = vi.spyOn(globalThis, "fetch");
    try {
      const second = await collect(chat.ask("Now compute 4 + 5.", new AbortController().signal));
      const rules = second.find((event) => event.type === "rules");
      expect(rules?.type === "rules" && rules.rules.map((rule) => rule.id)).toEqual([
        "temperature-default",
        "top-p",
        "system-folded",
        "math-directive",
        "reasoning-stripped",
        "think-prefix",
      ]);
      expect(text(second, "answer")).toContain("\\boxed{9}");
      const body = JSON.parse(String(fetchSpy.mock.calls[0]?.[1]?.body));
      expect(body).toMatchObject({ temperature: 0.6, top_p: 0.95, max_tokens: 32_768, stream: true });
      expect(body.messages).toEqual([
        { role: "user", content: `Be brief.\n\nCompute 2 + 3.\n${MATH_DIRECTIVE_EN}` },
        { role: "assistant", content: text(first, "answer") },
        { role: "user", content: `Now compute 4 + 5.\n${MATH_DIRECTIVE_EN}` },
      ]);
    } finally {
      fetchSpy.mockRestore();
    }

    chat.reset();
    const afterReset = await collect(chat.ask("Compute 1 + 1.", new AbortController().signal));
    const rules = afterReset.find((event) => event.type === "rules");
    expect(rules?.type === "rules" && rules.rules.some((rule) => rule.id === "reasoning-stripped")).toBe(
      false,
    );
  });

  it("stops quietly when aborted and forgets a question that got no answer", async () => {
    const chat = new DirectChat(upstream, target, {});
    const controller = new AbortController();
    const events: AnswerEvent[] = [];
    for await (const event of chat.ask("Compute 7 + 8.", controller.signal)) {
      events.push(event);
      if (event.type === "reasoning") controller.abort();
    }
    expect(events.some((event) => event.type === "error" || event.type === "answer")).toBe(false);
    const next = await collect(chat.ask("Compute 1 + 2.", new AbortController().signal));
    const rules = next.find((event) => event.type === "rules");
    expect(rules?.type === "rules" && rules.rules.some((rule) => rule.id === "reasoning-stripped")).toBe(
      false,
    );
  });
});
