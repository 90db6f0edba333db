import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { streamAnswer } from "@/lib/chat/answer-stream";
import { parseConfig } from "@/lib/config";
import { STUB_MODEL, servedModels } from "@/tests/support/stub-vllm";
import { joinDeltas, readChunks } from "@/tests/support/ui-stream";

const MODEL = STUB_MODEL;
const REASONING = "先算一下：12 加 30 等于 42 🤔🧮，再检查一遍 👍🏽 ";
const ANSWER = "答案是 $\\boxed{42}$ 🎉 — 👨‍👩‍👧‍👦 全家都同意。";

function sseEvent(delta: Record<string, string>): string {
  const chunk = {
    id: "chatcmpl-utf8",
    object: "chat.completion.chunk",
    created: 0,
    model: MODEL,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: null }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/**
 * A vLLM stand-in that sends each character as its own event, and writes the bytes of the whole stream
 * in small pieces that cut through multi-byte characters and through SSE events.
 */
function splittingServer(): Server {
  return createServer((req, res) => {
    if (servedModels(req, res)) return;
    req.resume();
    const events = [
      ...Array.from(REASONING, (char) => sseEvent({ reasoning_content: char })),
      ...Array.from(ANSWER, (char) => sseEvent({ content: char })),
      `data: ${JSON.stringify({ id: "chatcmpl-utf8", object: "chat.completion.chunk", created: 0, model: MODEL, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
      "data: [DONE]\n\n",
    ];
    const bytes = Buffer.from(events.join(""), "utf8");
    res.writeHead(200, { "content-type": "text/event-stream" });
    // Piece sizes 1..7 bytes: every multi-byte character is cut somewhere in the run.
    let offset = 0;
    let size = 1;
    const writeNext = () => {
      if (offset >= bytes.length) {
        res.end();
        return;
      }
      res.write(bytes.subarray(offset, offset + size));
      offset += size;
      size = (size % 7) + 1;
      setImmediate(writeNext);
    };
    writeNext();
  });
}

let server: Server;
let baseURL: string;

beforeAll(async () => {
  server = splittingServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("multi-byte UTF-8 split across network chunks and SSE events", () => {
  it("arrives intact: Chinese, emoji, skin tones and joined emoji", async () => {
    const stream = await streamAnswer(
      { turns: [{ role: "user", content: "12 加 30 是多少？" }] },
      {
        messageId: "answer",
        signal: new AbortController().signal,
        config: parseConfig({ VLLM_BASE_URL: baseURL, VLLM_REASONING: "parser" }),
      },
    );
    const chunks = await readChunks(stream);
    expect(chunks.find((chunk) => chunk.type === "error")).toBeUndefined();
    expect(joinDeltas(chunks, "reasoning-delta")).toBe(REASONING);
    expect(joinDeltas(chunks, "text-delta")).toBe(ANSWER);
    expect(joinDeltas(chunks, "text-delta")).not.toContain("\uFFFD");
  });
});
