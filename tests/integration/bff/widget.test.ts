import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedConversation } from "@/lib/chat/conversations";
import { OWNER_HEADER } from "@/lib/owner";
import { Browser, loadRoutes, params } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;
let embed: {
  session: typeof import("@/app/api/embed/session/route");
  config: typeof import("@/app/api/embed/config/route");
  handoff: typeof import("@/app/api/embed/handoff/route");
};

beforeAll(async () => {
  process.env.EMBED_ALLOWED_ORIGINS = "https://docs.example.com";
  routes = await loadRoutes();
  embed = {
    session: await import("@/app/api/embed/session/route"),
    config: await import("@/app/api/embed/config/route"),
    handoff: await import("@/app/api/embed/handoff/route"),
  };
});
afterAll(async () => {
  await routes.sim.close();
});

/** The widget frame: no cookies, its token in a header. */
async function newWidgetToken(): Promise<string> {
  const response = embed.session.POST(new Request("http://localhost/api/embed/session", { method: "POST" }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

function widgetRequest(token: string, path: string, init: RequestInit & { json?: unknown } = {}): Request {
  const headers = new Headers(init.headers);
  headers.set(OWNER_HEADER, token);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, {
    ...init,
    headers,
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
}

async function askAsWidget(token: string, id: string, text: string) {
  const response = await routes.chat.POST(
    widgetRequest(token, "/api/chat", {
      method: "POST",
      json: { id, trigger: "submit-message", message: userMessage(text), persona: "You teach maths." },
    }),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("set-cookie")).toBeNull();
  await readUiChunks(response);
}

describe("the widget's identity", () => {
  it("keeps a valid token and replaces one that is not", async () => {
    const token = await newWidgetToken();
    const again = embed.session.POST(widgetRequest(token, "/api/embed/session", { method: "POST" }));
    expect(await again.json()).toEqual({ token });
    const replaced = embed.session.POST(
      widgetRequest("forged.token", "/api/embed/session", { method: "POST" }),
    );
    expect(((await replaced.json()) as { token: string }).token).not.toBe("forged.token");
  });

  it("owns conversations through the same routes as the app, with no cookie", async () => {
    const token = await newWidgetToken();
    await askAsWidget(token, "widget-conversation-1", "What is 2 + 2?");
    const loaded = await routes.conversation.GET(
      widgetRequest(token, "/api/conversations/widget-conversation-1"),
      params("widget-conversation-1"),
    );
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get("set-cookie")).toBeNull();
    const conversation = (await loaded.json()) as LoadedConversation;
    expect(conversation.messages.map((message) => message.role)).toEqual(["user", "assistant"]);

    // Another widget, or the app's cookie identity, sees nothing of it.
    const stranger = await routes.conversation.GET(
      widgetRequest(await newWidgetToken(), "/api/conversations/widget-conversation-1"),
      params("widget-conversation-1"),
    );
    expect(stranger.status).toBe(404);
    const app = await routes.conversation.GET(
      new Browser().request("/api/conversations/widget-conversation-1"),
      params("widget-conversation-1"),
    );
    expect(app.status).toBe(404);
  });

  it("answers 401 to a token that is not valid, leaving no cookie behind", async () => {
    const response = await routes.conversations.GET(widgetRequest("not-a-token", "/api/conversations"));
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});

describe("GET /api/embed/config", () => {
  it("tells the loader whether its site may embed the widget, readable from any origin", async () => {
    const ask = (query: string) =>
      embed.config.GET(new Request(`http://localhost/api/embed/config?${query}`));
    const allowed = ask("origin=https%3A%2F%2Fdocs.example.com&lang=zh");
    expect(allowed.headers.get("access-control-allow-origin")).toBe("*");
    expect(await allowed.json()).toMatchObject({ allowed: true, labels: { close: "关闭聊天" } });
    expect(await ask("origin=https%3A%2F%2Fevil.example").json()).toMatchObject({ allowed: false });
    const bad = ask("origin=nonsense");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("opening a widget conversation in the app", () => {
  it("copies it to the browser's own identity through a short-lived code", async () => {
    const token = await newWidgetToken();
    await askAsWidget(token, "widget-conversation-2", "What is 3 + 4?");
    const issued = await embed.handoff.POST(
      widgetRequest(token, "/api/embed/handoff", {
        method: "POST",
        json: { conversationId: "widget-conversation-2" },
      }),
    );
    const { url } = (await issued.json()) as { url: string };
    expect(url).toMatch(/^\/api\/embed\/handoff\?code=/);
    expect(url).not.toContain(token.split(".")[1]);

    const browser = new Browser();
    const opened = browser.remember(
      await embed.handoff.GET(browser.request(url, { headers: { "sec-fetch-site": "same-origin" } })),
    );
    expect(opened.status).toBe(303);
    const copyId = opened.headers.get("location")?.replace("/c/", "") ?? "";
    const copy = await routes.conversation.GET(
      browser.request(`/api/conversations/${copyId}`),
      params(copyId),
    );
    expect(((await copy.json()) as LoadedConversation).messages).toHaveLength(2);

    // A link planted on another site does nothing.
    const planted = await embed.handoff.GET(
      browser.request(url, { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(planted.status).toBe(400);
    const forged = await embed.handoff.GET(browser.request(`${url.slice(0, -3)}abc`));
    expect(forged.status).toBe(400);
  });
});
