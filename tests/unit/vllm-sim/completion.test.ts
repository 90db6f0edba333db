import { describe, expect, it } from "vitest";
import { chat, pinCreated, useSim } from "./helpers";

describe("non-streaming chat completions", () => {
  const sim = useSim({ reasoningTokens: 0 });

  it("returns a chat.completion with reasoning and content split at </think>", async () => {
    const res = await chat(sim(), {}, { "x-request-id": "test" });
    expect(res.headers.get("content-type")).toBe("application/json");
    const text = pinCreated(await res.text());
    expect(text).toMatch(
      /^\{"id":"chatcmpl-test","object":"chat\.completion","created":1764000000,"model":"deepseek-ai\/DeepSeek-R1-Distill-Qwen-1\.5B","choices":\[\{"index":0,"message":\{"role":"assistant","content":"\\n\\nTo compute .*","refusal":null,"annotations":null,"audio":null,"function_call":null,"tool_calls":\[\],"reasoning":"Okay, so I need to .*\\n"\},"logprobs":null,"finish_reason":"stop","stop_reason":null,"token_ids":null\}\],"service_tier":null,"system_fingerprint":null,"usage":\{"prompt_tokens":13,"total_tokens":\d+,"completion_tokens":\d+,"prompt_tokens_details":null\},"prompt_logprobs":null,"prompt_token_ids":null,"kv_transfer_params":null\}$/,
    );
  });

  it("leaves content null when max_tokens ends the reasoning", async () => {
    const { choices, usage } = await (await chat(sim(), { max_tokens: 4 })).json();
    expect(choices[0]).toMatchObject({
      message: { content: null, reasoning: "Okay, so I" },
      finish_reason: "length",
    });
    expect(usage.completion_tokens).toBe(4);
  });

  it("drops reasoning with include_reasoning: false", async () => {
    const { choices } = await (await chat(sim(), { include_reasoning: false })).json();
    expect(choices[0].message.reasoning).toBeNull();
    expect(choices[0].message.content).toMatch(/^\n\n/);
  });

  it("takes the last message's role without a generation prompt", async () => {
    const { choices } = await (
      await chat(sim(), {
        add_generation_prompt: false,
        continue_final_message: true,
        max_tokens: 2,
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hel" },
        ],
      })
    ).json();
    expect(choices[0].message.role).toBe("assistant");
  });
});

describe("non-streaming as vLLM 0.11.2", () => {
  const sim = useSim({ emulateVersion: "0.11.2", reasoningTokens: 0 });

  it("sends reasoning and reasoning_content", async () => {
    const { choices } = await (await chat(sim(), { max_tokens: 2 })).json();
    expect(Object.keys(choices[0].message).slice(-2)).toEqual(["reasoning", "reasoning_content"]);
    expect(choices[0].message.reasoning_content).toBe("Okay,");
  });
});
