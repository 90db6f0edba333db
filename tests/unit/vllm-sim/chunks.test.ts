import { describe, expect, it } from "vitest";
import { ChunkEncoder, completionJson, type ResponseMeta } from "@/lib/vllm-sim/chunks";
import { versionTraits } from "@/lib/vllm-sim/versions";

const meta: ResponseMeta = {
  id: "chatcmpl-1a2b3c4d5e6f7a8b",
  created: 1764000000,
  model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",
};
const HEAD =
  'data: {"id":"chatcmpl-1a2b3c4d5e6f7a8b","object":"chat.completion.chunk","created":1764000000,"model":"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B","choices":[';

describe("ChunkEncoder against the reference sequence (§1.3)", () => {
  it("reproduces the U (May 2026) example byte for byte", () => {
    const encoder = new ChunkEncoder(
      { ...meta, fingerprint: "vllm-0.x.y-abcd1234" },
      versionTraits("0.22.0"),
    );
    expect(encoder.first("assistant")).toBe(
      'data: {"id":"chatcmpl-1a2b3c4d5e6f7a8b","object":"chat.completion.chunk","created":1764000000,"model":"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null,"prompt_text":null}\n\n',
    );
    expect(encoder.delta({ reasoning: "Okay" })).toBe(
      'data: {"id":"chatcmpl-1a2b3c4d5e6f7a8b","object":"chat.completion.chunk","created":1764000000,"model":"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B","choices":[{"index":0,"delta":{"reasoning":"Okay"},"logprobs":null,"finish_reason":null,"token_ids":null}]}\n\n',
    );
    expect(encoder.delta({ content: "\n\n" })).toBe(
      `${HEAD}{"index":0,"delta":{"content":"\\n\\n"},"logprobs":null,"finish_reason":null,"token_ids":null}]}\n\n`,
    );
    expect(encoder.finish({ content: "" }, "stop", undefined, true)).toBe(
      `${HEAD}{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null,"token_ids":null}],"system_fingerprint":"vllm-0.x.y-abcd1234"}\n\n`,
    );
  });

  it("0.11.2 carries reasoning_content on every delta, null where nothing is reasoning", () => {
    const encoder = new ChunkEncoder(meta, versionTraits("0.11.2"));
    expect(encoder.first("assistant")).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":"","reasoning_content":null},"logprobs":null,"finish_reason":null}],"prompt_token_ids":null}\n\n`,
    );
    expect(encoder.delta({ reasoning: "Okay" })).toBe(
      `${HEAD}{"index":0,"delta":{"reasoning":"Okay","reasoning_content":"Okay"},"logprobs":null,"finish_reason":null,"token_ids":null}]}\n\n`,
    );
    expect(encoder.delta({ content: "Hi" })).toBe(
      `${HEAD}{"index":0,"delta":{"content":"Hi","reasoning_content":null},"logprobs":null,"finish_reason":null,"token_ids":null}]}\n\n`,
    );
  });

  it("0.10.0 uses reasoning_content only and has no token id fields", () => {
    const encoder = new ChunkEncoder(meta, versionTraits("0.10.0"));
    expect(encoder.first("assistant")).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}\n\n`,
    );
    expect(encoder.delta({ reasoning: "Okay" })).toBe(
      `${HEAD}{"index":0,"delta":{"reasoning_content":"Okay"},"logprobs":null,"finish_reason":null}]}\n\n`,
    );
    expect(encoder.finish({ content: "" }, "stop", undefined, true)).toBe(
      `${HEAD}{"index":0,"delta":{"content":""},"logprobs":null,"finish_reason":"stop","stop_reason":null}]}\n\n`,
    );
  });

  it("writes the usage chunk with choices [] and prompt, total, completion order", () => {
    const encoder = new ChunkEncoder(meta, versionTraits("0.16.0"));
    expect(encoder.usage({ promptTokens: 12, completionTokens: 30 })).toBe(
      `${HEAD}],"usage":{"prompt_tokens":12,"total_tokens":42,"completion_tokens":30}}\n\n`,
    );
  });

  it("puts continuous usage after choices and before prompt_token_ids", () => {
    const encoder = new ChunkEncoder(meta, versionTraits("0.16.0"));
    expect(encoder.first("assistant", { promptTokens: 12, completionTokens: 0 })).toBe(
      `${HEAD}{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":{"prompt_tokens":12,"total_tokens":12,"completion_tokens":0},"prompt_token_ids":null}\n\n`,
    );
  });
});

describe("completionJson", () => {
  it("serializes every ChatCompletionResponse field in pydantic order", () => {
    const body = completionJson(meta, versionTraits("0.16.0"), {
      role: "assistant",
      message: { reasoning: "Okay.\n", content: "\n\n5" },
      finishReason: "stop",
      usage: { promptTokens: 10, completionTokens: 5 },
    });
    expect(body).toBe(
      '{"id":"chatcmpl-1a2b3c4d5e6f7a8b","object":"chat.completion","created":1764000000,"model":"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B","choices":[{"index":0,"message":{"role":"assistant","content":"\\n\\n5","refusal":null,"annotations":null,"audio":null,"function_call":null,"tool_calls":[],"reasoning":"Okay.\\n"},"logprobs":null,"finish_reason":"stop","stop_reason":null,"token_ids":null}],"service_tier":null,"system_fingerprint":null,"usage":{"prompt_tokens":10,"total_tokens":15,"completion_tokens":5,"prompt_tokens_details":null},"prompt_logprobs":null,"prompt_token_ids":null,"kv_transfer_params":null}',
    );
  });
});
