import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AnswerFeed } from "@/lib/generation/hub";
import { LiveAnswer } from "@/lib/http/live-answer";
import { nodeRoute } from "@/lib/http/node-route";
import type { SimServer } from "@/lib/vllm-sim";
import { servePagesRoutes } from "@/tests/support/pages-server";
import { loadRoutes, params } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let sim: SimServer;
let pages: Awaited<ReturnType<typeof servePagesRoutes>>;
let base: string;
let conversations: Awaited<ReturnType<typeof loadRoutes>>["conversation"];

beforeAll(async () => {
  const routes = await loadRoutes({ ttftMs: 5, itlMs: 5 });
  sim = routes.sim;
  conversations = routes.conversation;
  pages = await servePagesRoutes();
  base = pages.base;
});
afterAll(async () => {
  pages.close();
  await sim.close();
});

const ask = (id: string, text: string, init: RequestInit = {}) =>
  fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id, trigger: "submit-message", message: userMessage(text) }),
    ...init,
  });

const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string;

describe("the streaming routes on Node's own response", () => {
  it("streams the answer as a UI message stream and issues the owner cookie", async () => {
    const response = await ask("node-route-1", "Hello");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    // The proxy skips this route: the security headers come from the route itself.
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("set-cookie")).toMatch(/^r1_owner=[\w-]+\.[\w-]+; .*HttpOnly/);
    const body = await response.text();
    expect(body.endsWith("data: [DONE]\n\n")).toBe(true);
    const chunks = await readUiChunks(new Response(body));
    expect(chunks[0]?.type).toBe("start");
    expect(chunks.filter((chunk) => chunk.type === "text-delta").length).toBeGreaterThan(1);
    expect(chunks.at(-1)?.type).toBe("finish");
  });

  it("answers errors as JSON with their status, before any stream starts, and closes a connection whose body it refused unread", async () => {
    const notJson = await fetch(`${base}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{oops",
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { message: string } }).error.message).toMatch(
      /not valid JSON/,
    );

    const oversized = await ask("node-route-big", "x".repeat(1_000_000));
    expect(oversized.status).toBe(413);
    expect(((await oversized.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    // The refused body was never read: its connection must not be reused for the next request.
    expect((await fetch(`${base}/api/chat`)).status).toBe(405);
  });

  it("refuses other methods with 405 and says which one to use", async () => {
    const response = await fetch(`${base}/api/chat`);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("lets the answer finish and be stored when the browser goes away mid-stream", async () => {
    const leaving = new AbortController();
    const response = await ask("node-route-2", "Tell me a long story", { signal: leaving.signal });
    const cookie = cookieOf(response);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    leaving.abort();

    // A second viewer (a reload) follows what is left and sees the end.
    const follow = await fetch(`${base}/api/chat/node-route-2/stream`, { headers: { cookie } });
    expect(follow.status).toBe(200);
    expect((await readUiChunks(follow)).at(-1)?.type).toBe("finish");

    const stored = await conversations.GET(
      new Request(`${base}/api/conversations/node-route-2`, { headers: { cookie } }),
      params("node-route-2"),
    );
    const { messages } = (await stored.json()) as {
      messages: { role: string; metadata?: { state?: string } }[];
    };
    expect(messages.map((message) => [message.role, message.metadata?.state])).toEqual([
      ["user", undefined],
      ["assistant", "complete"],
    ]);
  });

  it("gives a follower the dynamic route's param, and 404 for a conversation it does not own", async () => {
    const response = await ask("node-route-3", "Hi");
    const cookie = cookieOf(response);
    await response.text();
    const own = await fetch(`${base}/api/chat/node-route-3/stream`, { headers: { cookie } });
    expect((await readUiChunks(own)).at(-1)?.type).toBe("finish");
    const other = await fetch(`${base}/api/chat/node-route-3/stream`);
    expect(other.status).toBe(404);
  });
});

describe("nodeRoute", () => {
  it("lets go of a live answer whose browser left before it could start", async () => {
    const calls: string[] = [];
    const feed = {
      start: () => calls.push("start"),
      resume: () => calls.push("resume"),
      cancel: () => calls.push("cancel"),
    };
    const liveAnswer = async () => new LiveAnswer(feed);
    const route = nodeRoute({ GET: liveAnswer });
    const served = new Promise<void>((resolve) => {
      const leaving = createServer((request, response) => {
        request.socket.destroy();
        void route(request, response).then(resolve);
      });
      leaving.listen(0, "127.0.0.1", () => {
        const { port } = leaving.address() as AddressInfo;
        fetch(`http://127.0.0.1:${port}/`)
          .catch(() => {})
          .finally(() => leaving.close());
      });
    });
    await served;
    expect(calls).toEqual(["cancel"]);
  });

  it("sends no keep-alive comment once the answer has ended, while a slow reader still holds the response open", async () => {
    vi.useFakeTimers();
    try {
      const written: string[] = [];
      const writtenAfterEnd: string[] = [];
      let ended = false;
      // Ended, but not yet taken in by the browser: the response emits no 'close' until it is.
      const response = Object.assign(new EventEmitter(), {
        destroyed: false,
        socket: { destroyed: false },
        statusCode: 0,
        writableNeedDrain: false,
        setHeader: () => {},
        appendHeader: () => {},
        write: (text: string) => {
          (ended ? writtenAfterEnd : written).push(text);
          return true;
        },
        end: () => {
          ended = true;
        },
        destroy: () => {},
      });
      const feed: AnswerFeed = {
        start: (sink) => {
          sink.write("data: [DONE]\n\n");
          sink.end();
        },
        resume: () => {},
        cancel: () => {},
      };
      const request = { method: "GET", url: "/api/chat/ended/stream", rawHeaders: [] };
      const endedAnswer = async () => new LiveAnswer(feed);
      await nodeRoute({ GET: endedAnswer })(request as never, response as never);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(written).toEqual(["data: [DONE]\n\n"]);
      expect(writtenAfterEnd).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
