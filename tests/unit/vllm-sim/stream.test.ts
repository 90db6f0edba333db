import { describe, expect, it } from "vitest";
import { assemble, chat, dataOf, pinCreated, sseEvents, streamChat, useSim } from "./helpers";

const MODEL = "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B";
const HEAD = `data: {"id":"chatcmpl-test","object":"chat.completion.chunk","created":1764000000,"model":"${MODEL}","choices":[`;
/** Tokens of `<｜begin▁of▁sentence｜><｜User｜>What is 2 plus 3?<｜Assistant｜><think>\n`. */
const PROMPT_TOKENS = 13;

const deltasOf = (events: string[]) =>
  events
    .filter((event) => event !== "data: [DONE]")
    .flatMap((event) => dataOf(event).choices.map((c) => c.delta));

describe("streaming as vLLM 0.16.0 with --reasoning-parser deepseek_r1", () => {
  const sim = useSim({ reasoningTokens: 0 });

  it("sends role + first token back to back, reasoning deltas, no </think> chunk, content from \\n\\n, stop, [DONE]", async () => {
    const events = await streamChat(sim());
    expect(events[0]).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null}`,
    );
    expect(events[1]).toBe(
      `${HEAD}{"index":0,"delta":{"reasoning":"Okay"},"logprobs":null,"finish_reason":null,"token_ids":null}]}`,
    );
    expect(events.at(-2)).toBe(
      `${HEAD}{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null,"token_ids":null}]}`,
    );
    expect(events.at(-1)).toBe("data: [DONE]");
    expect(events.join("\n")).not.toContain("think>");

    const deltas = deltasOf(events.slice(1));
    const firstContent = deltas.findIndex((delta) => "content" in delta);
    expect(deltas[firstContent]).toEqual({ content: "\n\n" });
    expect(deltas.slice(0, firstContent).every((delta) => Object.keys(delta).join() === "reasoning")).toBe(
      true,
    );
    expect(deltas.slice(firstContent).every((delta) => Object.keys(delta).join() === "content")).toBe(true);
  });

  it("streams an R1-style trace and a markdown answer with maths and a boxed result", async () => {
    const { reasoning, content } = assemble(await streamChat(sim()));
    expect(reasoning).toMatch(/^Okay, so I need to figure out what 2 plus 3 is\./);
    expect(reasoning).toMatch(/Wait|Let me check|Hmm/);
    expect(reasoning.endsWith("\n")).toBe(true);
    expect(content.startsWith("\n\n")).toBe(true);
    for (const maths of ["\\(", "\\[", "$$", "\\boxed{5}"]) expect(content).toContain(maths);
  });

  it("sends an occasional empty delta for a partial UTF-8 token", async () => {
    const events = await streamChat(sim());
    expect(events).toContain(
      `${HEAD}{"index":0,"delta":{"reasoning":""},"logprobs":null,"finish_reason":null,"token_ids":null}]}`,
    );
  });

  it("has no usage without include_usage, and a final usage chunk with it", async () => {
    expect((await streamChat(sim())).join("\n")).not.toContain("usage");

    const events = await streamChat(sim(), { stream_options: { include_usage: true } });
    const tokenChunks = events.length - 3; // all but role, usage and [DONE]
    const completionTokens = tokenChunks + 1; // </think> is generated but sends no chunk
    expect(events.at(-2)).toBe(
      `${HEAD}],"usage":{"prompt_tokens":${PROMPT_TOKENS},"total_tokens":${PROMPT_TOKENS + completionTokens},"completion_tokens":${completionTokens}}}`,
    );
    expect(dataOf(events.at(-3) ?? "").choices[0]?.finish_reason).toBe("stop");
  });

  it("puts running usage on every chunk with continuous_usage_stats", async () => {
    const events = await streamChat(sim(), {
      stream_options: { include_usage: true, continuous_usage_stats: true },
    });
    const completions = events.slice(0, -1).map((event) => dataOf(event).usage?.completion_tokens);
    expect(completions[0]).toBe(0);
    expect(completions.slice(0, 3)).toEqual([0, 1, 2]);
    expect(completions.every((value) => typeof value === "number")).toBe(true);
    expect(completions.at(-1)).toBe(completions.at(-2));
  });

  it("stops with finish_reason length after max_tokens, the last token riding on the finish chunk", async () => {
    const events = await streamChat(sim(), { max_tokens: 5, stream_options: { include_usage: true } });
    expect(deltasOf(events.slice(1, -3))).toEqual([
      { reasoning: "Okay" },
      { reasoning: "," },
      { reasoning: " so" },
      { reasoning: " I" },
    ]);
    expect(events.slice(-3)).toEqual([
      `${HEAD}{"index":0,"delta":{"reasoning":" need"},"logprobs":null,"finish_reason":"length","stop_reason":null,"token_ids":null}]}`,
      `${HEAD}],"usage":{"prompt_tokens":${PROMPT_TOKENS},"total_tokens":${PROMPT_TOKENS + 5},"completion_tokens":5}}`,
      "data: [DONE]",
    ]);
  });

  it("uses a 16-hex random id without X-Request-Id, the same on every chunk", async () => {
    const res = await chat(sim(), { stream: true, max_tokens: 3 });
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const ids = new Set(
      sseEvents(await res.text())
        .slice(0, -1)
        .map((event) => JSON.parse(event.slice(6)).id),
    );
    expect([...ids]).toEqual([expect.stringMatching(/^chatcmpl-[0-9a-f]{16}$/)]);
  });

  it("assembles to the same text as the non-streaming response", async () => {
    const streamed = assemble(await streamChat(sim()));
    const body = await (await chat(sim(), {})).json();
    expect(body.choices[0].message.reasoning).toBe(streamed.reasoning);
    expect(body.choices[0].message.content).toBe(streamed.content);
  });
});

describe("streaming as vLLM 0.11.2 (both reasoning fields)", () => {
  const sim = useSim({ emulateVersion: "0.11.2", reasoningTokens: 0 });

  it("copies reasoning into reasoning_content and sets it to null elsewhere", async () => {
    const events = await streamChat(sim());
    expect(events[0]).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":"","reasoning_content":null},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null}`,
    );
    expect(events[1]).toBe(
      `${HEAD}{"index":0,"delta":{"reasoning":"Okay","reasoning_content":"Okay"},"logprobs":null,"finish_reason":null,"token_ids":null}]}`,
    );
    expect(deltasOf(events)).toContainEqual({ content: "\n\n", reasoning_content: null });
    expect(events.at(-2)).toBe(
      `${HEAD}{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop","stop_reason":null,"token_ids":null}]}`,
    );
  });
});

describe("streaming as vLLM 0.10.0 (reasoning_content, no token id fields)", () => {
  const sim = useSim({ emulateVersion: "0.10.0", reasoningTokens: 0 });

  it("sends reasoning_content only and omits prompt_token_ids/token_ids", async () => {
    const events = await streamChat(sim());
    expect(events[0]).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}`,
    );
    expect(events[1]).toBe(
      `${HEAD}{"index":0,"delta":{"reasoning_content":"Okay"},"logprobs":null,"finish_reason":null}]}`,
    );
    expect(events.at(-2)).toBe(
      `${HEAD}{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null}]}`,
    );
    expect(events.join("\n")).not.toMatch(/token_ids|"reasoning"/);
  });

  it("uses 32-hex random ids", async () => {
    const res = await chat(sim(), { stream: true, max_tokens: 1 });
    expect(JSON.parse((await res.text()).slice(6).split("\n")[0] ?? "").id).toMatch(
      /^chatcmpl-[0-9a-f]{32}$/,
    );
  });
});

describe("streaming as vLLM 0.22.0 (system_fingerprint, prompt_text)", () => {
  const sim = useSim({ emulateVersion: "0.22.0", reasoningTokens: 0 });

  it("adds prompt_text to the first chunk and the fingerprint to the last one", async () => {
    const events = await streamChat(sim(), { max_tokens: 2 });
    expect(events[0]).toMatch(/,"prompt_token_ids":null,"prompt_text":null}$/);
    expect(events.at(-2)).toMatch(
      /"finish_reason":"length".*,"system_fingerprint":"vllm-0\.22\.0-[0-9a-f]{8}"}$/,
    );

    const withUsage = await streamChat(sim(), { max_tokens: 2, stream_options: { include_usage: true } });
    expect(withUsage.at(-3)).not.toContain("system_fingerprint");
    expect(withUsage.at(-2)).toMatch(
      /"choices":\[\],"usage":\{.*\},"system_fingerprint":"vllm-0\.22\.0-[0-9a-f]{8}"}$/,
    );
  });
});

describe("streaming without a reasoning parser", () => {
  const sim = useSim({ reasoningParser: false, reasoningTokens: 0 });

  it("sends everything as content: no <think>, a literal </think>, then the answer", async () => {
    const events = await streamChat(sim());
    const deltas = deltasOf(events.slice(1));
    expect(deltas.every((delta) => Object.keys(delta).join() === "content")).toBe(true);
    expect(deltas).toContainEqual({ content: "</think>" });
    const { content } = assemble(events);
    expect(content).toMatch(/^Okay, so I need to/);
    expect(content).not.toContain("<think>");
    expect(content.split("\n</think>\n\n")).toHaveLength(2);
  });
});

describe("streaming with --stream-interval 4", () => {
  const sim = useSim({ streamInterval: 4, reasoningTokens: 0 });

  it("batches several tokens per delta and splits the batch that holds </think>", async () => {
    const events = await streamChat(sim());
    const deltas = deltasOf(events.slice(1));
    expect(deltas.some((delta) => (delta.reasoning ?? "").length > 6)).toBe(true);
    expect(deltas.find((delta) => "reasoning" in delta && "content" in delta)).toBeDefined();
    expect(events.join("\n")).not.toContain("think>");

    const body = await (await chat(sim(), {})).json();
    expect(assemble(events)).toEqual({
      reasoning: body.choices[0].message.reasoning,
      content: body.choices[0].message.content,
    });
  });
});

describe("SSE keep-alive comments", () => {
  const sim = useSim({ keepAliveIntervalMs: 20, reasoningTokens: 0 });

  it("fills a slow start with `: keep-alive` comments", async () => {
    const events = await streamChat(sim(), { max_tokens: 2 }, { "x-sim-fault": "slow-first-token:120" });
    expect(events[0]).toBe(": keep-alive");
    expect(events.filter((event) => event.startsWith("data:"))).toHaveLength(4);
  });
});

describe("responses", () => {
  const sim = useSim();

  it("answers a Chinese question in Chinese", async () => {
    const res = await chat(sim(), { messages: [{ role: "user", content: "12加35等于多少？" }] });
    const { message } = (await res.json()).choices[0];
    expect(message.reasoning).toMatch(/^嗯，/);
    expect(message.content).toMatch(/^\n\n要计算/);
    expect(message.content).toContain("\\boxed{47}");
  });

  it("is deterministic for a seed, and the request seed overrides the server's", async () => {
    const text = async (seed?: number) => {
      const body = seed === undefined ? {} : { seed };
      const res = await chat(sim(), { ...body, messages: [{ role: "user", content: "Explain entropy." }] });
      return pinCreated(JSON.stringify((await res.json()).choices[0].message));
    };
    expect(await text()).toBe(await text());
    expect(await text(7)).toBe(await text());
    expect(await text(1)).not.toBe(await text(2));
  });

  it("solves a quadratic from the question", async () => {
    const res = await chat(sim(), { messages: [{ role: "user", content: "Solve x^2 - 5x + 6 = 0" }] });
    expect((await res.json()).choices[0].message.content).toContain("\\boxed{x = 3 \\text{ or } x = 2}");
  });
});
