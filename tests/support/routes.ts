import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LiveAnswer } from "@/lib/http/live-answer";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { asResponse } from "./ui-stream";

/**
 * Points the app's configuration at a fresh simulator and a throwaway SQLite directory, then loads the
 * route handlers (configuration is read once per module instance, so this must run before importing them).
 */
export async function loadRoutes(simOptions: Parameters<typeof startSimServer>[0] = {}) {
  const sim: SimServer = await startSimServer({ ttftMs: 1, itlMs: 1, ...simOptions });
  process.env.VLLM_BASE_URL = `${sim.url}/v1`;
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), "r1-chat-test-"));
  // Served by nodeRoute (pages/api): what they hand back, as the response the browser gets.
  const chat = { POST: served((await import("@/app/api/chat/post")).POST) };
  const follow = { GET: served((await import("@/app/api/chat/[id]/stream/get")).GET) };
  const stop = await import("@/app/api/chat/[id]/stop/route");
  const conversations = await import("@/app/api/conversations/route");
  const conversation = await import("@/app/api/conversations/[id]/route");
  const timing = await import("@/app/api/conversations/[id]/messages/[messageId]/timing/route");
  const conversationShare = await import("@/app/api/conversations/[id]/share/route");
  const shares = await import("@/app/api/shares/route");
  const share = await import("@/app/api/shares/[token]/route");
  const continueShare = await import("@/app/api/shares/[token]/continue/route");
  const sharePage = await import("@/app/s/[token]/route");
  return {
    sim,
    chat,
    follow,
    stop,
    conversations,
    conversation,
    timing,
    conversationShare,
    shares,
    share,
    continueShare,
    sharePage,
  };
}

function served<Args extends unknown[]>(handler: (...args: Args) => Promise<Response | LiveAnswer>) {
  return async (...args: Args): Promise<Response> => asResponse(await handler(...args));
}

/** A browser: keeps the owner cookie the server issues, like a real one does. */
export class Browser {
  cookie = "";

  request(path: string, init: RequestInit & { json?: unknown } = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    if (init.json !== undefined) headers.set("content-type", "application/json");
    return new Request(`http://localhost${path}`, {
      ...init,
      headers,
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
    });
  }

  remember(response: Response): Response {
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] as string;
    return response;
  }
}

export const params = (id: string) => ({ params: Promise.resolve({ id }) });
export const tokenParams = (token: string) => ({ params: Promise.resolve({ token }) });
