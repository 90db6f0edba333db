import { describe, expect, it } from "vitest";
import { chat, useSim } from "./helpers";

async function errorOf(res: Response): Promise<{ status: number; body: string }> {
  expect(res.headers.get("content-type")).toBe("application/json");
  return { status: res.status, body: await res.text() };
}

describe("request errors as vLLM 0.16.0", () => {
  const sim = useSim({ maxModelLen: 64 });

  it("rejects a negative temperature with the VLLMValidationError text", async () => {
    expect(await errorOf(await chat(sim(), { temperature: -1 }))).toEqual({
      status: 400,
      body: '{"error":{"message":"temperature must be non-negative, got -1.0. (parameter=temperature, value=-1.0)","type":"BadRequestError","param":"temperature","code":400}}',
    });
  });

  it("accepts temperature above 2, unlike OpenAI", async () => {
    expect((await chat(sim(), { temperature: 3.5, max_tokens: 1 })).status).toBe(200);
  });

  it("rejects top_p outside (0, 1] and max_tokens below 1", async () => {
    const topP = JSON.parse((await errorOf(await chat(sim(), { top_p: 1.5 }))).body);
    expect(topP.error.message).toBe("top_p must be in (0, 1], got 1.5. (parameter=top_p, value=1.5)");
    const maxTokens = JSON.parse((await errorOf(await chat(sim(), { max_completion_tokens: 0 }))).body);
    expect(maxTokens.error).toEqual({
      message: "max_tokens must be at least 1, got 0. (parameter=max_tokens, value=0)",
      type: "BadRequestError",
      param: "max_tokens",
      code: 400,
    });
  });

  it("reports prompt + max_tokens beyond the context with the latest wording", async () => {
    const { status, body } = await errorOf(await chat(sim(), { max_tokens: 60 }));
    expect(status).toBe(400);
    expect(JSON.parse(body).error).toEqual({
      message:
        "This model's maximum context length is 64 tokens. However, you requested 60 output tokens and your prompt contains 13 input tokens, for a total of 73 tokens. Please reduce the length of the input prompt or the number of requested output tokens. (parameter=input_tokens, value=13)",
      type: "BadRequestError",
      param: "input_tokens",
      code: 400,
    });
  });

  it("rejects max_tokens above max_model_len before looking at the prompt", async () => {
    const { body } = await errorOf(await chat(sim(), { max_tokens: 100 }));
    expect(JSON.parse(body).error.message).toBe(
      "max_tokens=100 cannot be greater than max_model_len=max_total_tokens=64. Please request fewer output tokens.",
    );
  });

  it("defaults max_tokens to what is left of the context", async () => {
    const body = await (await chat(sim(), {})).json();
    expect(body.usage.total_tokens).toBeLessThanOrEqual(64);
    expect(body.choices[0].finish_reason).toBe("length");
    expect(body.usage.completion_tokens).toBe(64 - 13);
  });

  it("answers an unknown model with 404 NotFoundError", async () => {
    expect(await errorOf(await chat(sim(), { model: "gpt-4o" }))).toEqual({
      status: 404,
      body: '{"error":{"message":"The model `gpt-4o` does not exist.","type":"NotFoundError","param":"model","code":404}}',
    });
    expect(
      (await chat(sim(), { model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B", max_tokens: 1 })).status,
    ).toBe(200);
  });

  it("rejects stream_options without stream as a request validation error", async () => {
    const { status, body } = await errorOf(await chat(sim(), { stream_options: { include_usage: true } }));
    expect(status).toBe(400);
    const { error } = JSON.parse(body);
    expect(error.type).toBe("Bad Request");
    expect(error.message).toContain("Stream options can only be defined when `stream=True`.");
  });

  it("rejects continue_final_message together with add_generation_prompt", async () => {
    const { body } = await errorOf(await chat(sim(), { continue_final_message: true }));
    expect(JSON.parse(body).error.message).toContain(
      "Cannot set both `continue_final_message` and `add_generation_prompt` to True.",
    );
  });

  it("reports missing and mistyped fields like pydantic", async () => {
    const missing = await fetch(`${sim().url}/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "x" }),
    });
    expect(await errorOf(missing)).toEqual({
      status: 400,
      body: `{"error":{"message":"[{'type': 'missing', 'loc': ('body', 'messages'), 'msg': 'Field required'}]","type":"Bad Request","param":null,"code":400}}`,
    });
    const mistyped = JSON.parse((await errorOf(await chat(sim(), { temperature: "hot" }))).body);
    expect(mistyped.error.message).toContain(
      "'loc': ('body', 'temperature'), 'msg': 'Input should be a valid number'",
    );
  });

  it("accepts and ignores unknown fields", async () => {
    expect((await chat(sim(), { max_tokens: 1, frobnicate: { a: 1 }, top_k: 20 })).status).toBe(200);
  });

  it("answers a non-JSON content type and malformed JSON with 400 Bad Request", async () => {
    const url = `${sim().url}/v1/chat/completions`;
    const text = await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" });
    const { status, body } = await errorOf(text);
    expect(status).toBe(400);
    expect(JSON.parse(body).error.message).toContain(
      "Unsupported Media Type: Only 'application/json' is allowed",
    );

    const malformed = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{",
    });
    const parsed = JSON.parse((await errorOf(malformed)).body);
    expect(parsed.error).toMatchObject({ type: "Bad Request", code: 400 });
    expect(parsed.error.message).toContain("json_invalid");
  });

  it("rejects a malformed x-sim-fault header with a clear message", async () => {
    const { status, body } = await errorOf(await chat(sim(), {}, { "x-sim-fault": "explode" }));
    expect(status).toBe(400);
    expect(JSON.parse(body).error.message).toMatch(/^x-sim-fault: Invalid fault "explode": expected/);
  });
});

describe("request errors as vLLM 0.10.0", () => {
  const sim = useSim({ emulateVersion: "0.10.0" });

  it("uses the flat error shape and no parameter details", async () => {
    expect(await errorOf(await chat(sim(), { temperature: -0.5 }))).toEqual({
      status: 400,
      body: '{"object":"error","message":"temperature must be non-negative, got -0.5.","type":"BadRequestError","param":null,"code":400}',
    });
    const notFound = JSON.parse((await errorOf(await chat(sim(), { model: "other" }))).body);
    expect(notFound).toEqual({
      object: "error",
      message: "The model `other` does not exist.",
      type: "NotFoundError",
      param: null,
      code: 404,
    });
  });
});

describe("--api-key", () => {
  const sim = useSim({ apiKey: "s3cret" });

  it("answers /v1 routes without the right bearer token with 401 Unauthorized", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }] as Record<string, string>[]) {
      const res = await chat(sim(), { max_tokens: 1 }, headers);
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('{"error":"Unauthorized"}');
    }
    const models = await fetch(`${sim().url}/v1/models`);
    expect(models.status).toBe(401);
    expect((await chat(sim(), { max_tokens: 1 }, { authorization: "Bearer s3cret" })).status).toBe(200);
  });

  it("leaves /health, /metrics and /version open", async () => {
    for (const path of ["/health", "/metrics", "/version", "/ping", "/load"]) {
      expect((await fetch(`${sim().url}${path}`)).status).toBe(200);
    }
  });
});
