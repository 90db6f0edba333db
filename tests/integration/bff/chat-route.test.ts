import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let sim: SimServer;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sim = await startSimServer({ ttftMs: 1, itlMs: 1 });
  process.env.VLLM_BASE_URL = `${sim.url}/v1`;
  process.env.MAX_REQUEST_BYTES = "4096";
  ({ POST } = await import("@/app/api/chat/route"));
});
afterAll(async () => {
  await sim.close();
});

const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(new Request("http://localhost/api/chat", { method: "POST", body, headers }));

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("POST /api/chat", () => {
  it("streams an answer for a valid body", async () => {
    const response = await post(JSON.stringify({ messages: [userMessage("Hello")] }));
    expect(response.status).toBe(200);
    const chunks = await readUiChunks(response);
    expect(chunks.at(-1)?.type).toBe("finish");
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    ["no messages", JSON.stringify({}), /^Invalid request: messages: /],
    ["empty question", JSON.stringify({ messages: [userMessage("   ")] }), /the question is empty/],
    [
      "last message not from the user",
      JSON.stringify({ messages: [{ id: "a", role: "assistant", parts: [{ type: "text", text: "Hi" }] }] }),
      /the last message must be the user's question/,
    ],
    [
      "wrong role",
      JSON.stringify({ messages: [{ id: "a", role: "robot", parts: [] }] }),
      /messages\.0\.role/,
    ],
    [
      "temperature out of range",
      JSON.stringify({ messages: [userMessage("Hi")], temperature: 9 }),
      /temperature/,
    ],
  ])("answers 400 with a reason for %s", async (_name, body, reason) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(reason);
  });

  it("answers 415 when the body is not declared as JSON", async () => {
    const response = await post(JSON.stringify({ messages: [userMessage("Hi")] }), {
      "content-type": "text/plain",
    });
    expect(response.status).toBe(415);
  });

  it("answers 413 for an oversized body, declared or not", async () => {
    const big = JSON.stringify({ messages: [userMessage("x".repeat(10_000))] });
    expect((await post(big)).status).toBe(413);
    const undeclared = new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    const response = await POST(undeclared);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("payload_too_large");
  });
});
