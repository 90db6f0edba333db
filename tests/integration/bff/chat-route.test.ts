import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "@/lib/vllm-sim";
import { Browser, loadRoutes } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let sim: SimServer;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  process.env.MAX_REQUEST_BYTES = "4096";
  const routes = await loadRoutes();
  sim = routes.sim;
  POST = routes.chat.POST;
});
afterAll(async () => {
  await sim.close();
});

const browser = new Browser();
const post = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  POST(browser.request("/api/chat", { method: "POST", body, headers }));
const question = (text: string, id = "conversation-1") =>
  JSON.stringify({ id, trigger: "submit-message", message: userMessage(text) });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("POST /api/chat", () => {
  it("streams an answer without buffering or compression and issues the owner cookie", async () => {
    const response = await post(question("Hello"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("set-cookie")).toMatch(/^r1_owner=[\w-]+\.[\w-]+; .*HttpOnly/);
    const chunks = await readUiChunks(response);
    expect(chunks.at(-1)?.type).toBe("finish");
  });

  it.each([
    ["not JSON", "{oops", /not valid JSON/],
    [
      "no conversation id",
      JSON.stringify({ trigger: "submit-message", message: userMessage("Hi") }),
      /^Invalid request: id: /,
    ],
    ["a malformed conversation id", question("Hi", "../etc"), /a conversation id is/],
    [
      "no question",
      JSON.stringify({ id: "conversation-2", trigger: "submit-message" }),
      /the question is missing/,
    ],
    ["an empty question", question("   "), /the question is empty/],
    [
      "a question from the assistant",
      JSON.stringify({
        id: "conversation-2",
        trigger: "submit-message",
        message: { id: "a", role: "assistant", parts: [{ type: "text", text: "Hi" }] },
      }),
      /the question must come from the user/,
    ],
    ["an unknown trigger", JSON.stringify({ id: "conversation-2", trigger: "explode" }), /trigger/],
    [
      "a temperature out of range",
      JSON.stringify({ ...JSON.parse(question("Hi")), temperature: 9 }),
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
    const response = await post(question("Hi"), { "content-type": "text/plain" });
    expect(response.status).toBe(415);
  });

  it("answers 413 for an oversized body, declared or not", async () => {
    const big = question("x".repeat(10_000));
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
