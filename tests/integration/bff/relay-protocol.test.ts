import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { streamAnswer } from "@/lib/chat/answer-stream";
import { parseConfig } from "@/lib/config";
import { STUB_MODEL, servedModels } from "@/tests/support/stub-vllm";
import { joinDeltas, readChunks } from "@/tests/support/ui-stream";

function chunk(delta: Record<string, string>, finishReason: string | null = null): string {
  return JSON.stringify({
    id: "chatcmpl-relay",
    object: "chat.completion.chunk",
    created: 0,
    model: STUB_MODEL,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A vLLM stand-in whose chat endpoint writes `body` verbatim, as a 200 event stream. */
async function answerFrom(body: string) {
  server = createServer((req, res) => {
    if (servedModels(req, res)) return;
    req.resume();
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const stream = await streamAnswer(
    { turns: [{ role: "user", content: "Hi" }] },
    {
      messageId: "answer",
      signal: new AbortController().signal,
      config: parseConfig({ VLLM_BASE_URL: `http://127.0.0.1:${port}/v1` }),
    },
  );
  const chunks = await readChunks(stream);
  return {
    chunks,
    types: chunks.map((one) => one.type),
    error: chunks.find((one) => one.type === "error")?.errorText,
    finish: chunks.find((one) => one.type === "finish")?.messageMetadata,
  };
}

describe("the relay reads vLLM's event stream", () => {
  it("takes CRLF line endings, comments and multi-line data as the SSE standard defines them", async () => {
    const { chunks, error, finish } = await answerFrom(
      [
        `: keep-alive\r\n\r\n`,
        `data: ${chunk({ reasoning: "Think" })}\r\n\r\n`,
        `data: {"id":"x","choices":[{"index":0,\ndata: "delta":{"content":"\\n\\nDone."},"finish_reason":null}]}\n\n`,
        `data: ${chunk({ content: "" }, "stop")}\n\n`,
        "data: [DONE]\n\n",
      ].join(""),
    );
    expect(error).toBeUndefined();
    expect(joinDeltas(chunks, "reasoning-delta")).toBe("Think");
    expect(joinDeltas(chunks, "text-delta")).toBe("\n\nDone.");
    expect(finish).toMatchObject({ finishReason: "stop" });
  });

  it("an event that is not JSON ends the answer with a clear error, keeping what arrived", async () => {
    const { chunks, types, error, finish } = await answerFrom(
      `data: ${chunk({ reasoning: "Think" })}\n\ndata: {"choices": [\n\n`,
    );
    expect(error).toBe(
      "The model server sent a stream we could not read (an event is not JSON). What arrived so far is kept; you can retry.",
    );
    expect(joinDeltas(chunks, "reasoning-delta")).toBe("Think");
    expect(types.slice(-2)).toEqual(["finish-step", "finish"]);
    expect(finish).toMatchObject({ finishReason: "error" });
  });

  it("a chunk of the wrong shape is refused by the schema, not relayed", async () => {
    const { chunks, error } = await answerFrom(
      `data: ${JSON.stringify({ choices: [{ delta: { content: 42 } }] })}\n\ndata: [DONE]\n\n`,
    );
    expect(error).toMatch(
      /^The model server sent a stream we could not read \(an event is not a chat completion chunk/,
    );
    expect(joinDeltas(chunks, "text-delta")).toBe("");
  });

  it("a stream that ends without a finish reason is reported, after what arrived", async () => {
    const { chunks, types, error } = await answerFrom(`data: ${chunk({ reasoning: "Think" })}\n\n`);
    expect(error).toBe(
      "The model server sent a stream we could not read (the stream ended without a finish reason). What arrived so far is kept; you can retry.",
    );
    expect(joinDeltas(chunks, "reasoning-delta")).toBe("Think");
    expect(types.indexOf("reasoning-end")).toBeLessThan(types.indexOf("error"));
  });
});
