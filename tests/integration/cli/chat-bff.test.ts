import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedConversation } from "@/lib/chat/conversations";
import type { AnswerEvent } from "@/lib/cli/answer-events";
import { BffChat } from "@/lib/cli/bff-chat";
import { loadRoutes, params } from "@/tests/support/routes";
import { runScript, TIMING_LINE } from "./spawn-cli";

let routes: Awaited<ReturnType<typeof loadRoutes>>;
let server: Server;
let bff: string;
/** Every /api/chat request as the BFF received it, and every stop. */
const received: { cookie?: string; conversationId: string }[] = [];
const stops: string[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The BFF's real route handlers behind a plain HTTP server, as `next start` would serve them. */
async function route(request: Request, path: string): Promise<Response> {
  if (path === "/api/chat") return routes.chat.POST(request);
  const stop = /^\/api\/chat\/([\w-]+)\/stop$/.exec(path);
  if (stop?.[1]) {
    stops.push(stop[1]);
    return routes.stop.POST(request, params(stop[1]));
  }
  return new Response(null, { status: 404 });
}

beforeAll(async () => {
  routes = await loadRoutes();
  server = createServer(async (incoming, outgoing) => {
    const path = incoming.url ?? "/";
    const body = incoming.method === "POST" ? await readBody(incoming) : undefined;
    if (path === "/api/chat" && body) {
      received.push({ cookie: incoming.headers.cookie, conversationId: JSON.parse(body).id });
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const response = await route(
      new Request(`http://localhost${path}`, { method: incoming.method, headers, body }),
      path,
    );
    outgoing.writeHead(response.status, [...response.headers].flat());
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
      outgoing.write(part.value);
    }
    outgoing.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  bff = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await routes.sim.close();
});

describe("npm run chat -- --bff", () => {
  it("streams through the BFF and keeps its owner cookie, so both questions land in one conversation", async () => {
    const { code, stdout, stderr } = await runScript("chat", ["--bff", bff], {
      input: "Compute 2 + 3.\n计算 4 × 5\n",
    });
    expect(code).toBe(0);
    expect(stdout.indexOf("── reasoning ──")).toBeLessThan(stdout.indexOf("── answer ──"));
    expect(stdout).toContain("\\boxed{5}");
    expect(stdout).toContain("\\boxed{20}");
    // The rules come from the BFF's message metadata.
    expect(stderr).toContain("R1 rules: temperature 0.6 · top_p 0.95");
    expect(stderr.match(new RegExp(TIMING_LINE.source, "gm"))).toHaveLength(2);

    expect(received).toHaveLength(2);
    const [first, second] = received;
    expect(first?.cookie).toBeUndefined();
    expect(second?.cookie).toMatch(/^r1_owner=/);
    expect(second?.conversationId).toBe(first?.conversationId);

    const conversation = await load(first?.conversationId as string, second?.cookie as string);
    expect(conversation.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
  });

  it("stops the BFF's answer when interrupted, so the next question is accepted", async () => {
    received.length = 0;
    const chat = new BffChat(bff, {});
    const controller = new AbortController();
    const interrupted: AnswerEvent[] = [];
    for await (const event of chat.ask("Compute 2 + 3.", controller.signal)) {
      interrupted.push(event);
      if (event.type === "reasoning") controller.abort();
    }
    expect(interrupted.some((event) => event.type === "error" || event.type === "answer")).toBe(false);
    const id = received[0]?.conversationId as string;
    expect(stops).toEqual([id]);

    const next: AnswerEvent[] = [];
    for await (const event of chat.ask("Compute 4 + 5.", new AbortController().signal)) next.push(event);
    expect(next.filter((event) => event.type === "error")).toEqual([]);
    const conversation = await load(id, received[1]?.cookie as string);
    expect(conversation.messages[1]?.metadata?.state).toBe("stopped");
  });
});

async function load(id: string, cookie: string): Promise<LoadedConversation> {
  const response = await routes.conversation.GET(
    new Request(`http://localhost/api/conversations/${id}`, { headers: { cookie } }),
    params(id),
  );
  return (await response.json()) as LoadedConversation;
}
