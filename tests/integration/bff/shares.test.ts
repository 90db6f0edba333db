import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedConversation } from "@/lib/chat/conversations";
import type { OwnShare } from "@/lib/share";
import { Browser, loadRoutes, params, tokenParams } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;

beforeAll(async () => {
  routes = await loadRoutes();
});
afterAll(async () => {
  await routes.sim.close();
});

async function ask(browser: Browser, id: string, text: string) {
  const response = browser.remember(
    await routes.chat.POST(
      browser.request("/api/chat", {
        method: "POST",
        json: { id, trigger: "submit-message", message: userMessage(text) },
      }),
    ),
  );
  expect(response.status).toBe(200);
  await readUiChunks(response);
  await settled(browser, id);
}

async function load(browser: Browser, id: string): Promise<LoadedConversation | null> {
  const response = browser.remember(
    await routes.conversation.GET(browser.request(`/api/conversations/${id}`), params(id)),
  );
  return response.status === 200 ? ((await response.json()) as LoadedConversation) : null;
}

/** Answers are stored in batches: wait until the last one is no longer marked as streaming. */
async function settled(browser: Browser, id: string): Promise<LoadedConversation> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const conversation = await load(browser, id);
    if (conversation && conversation.messages.at(-1)?.metadata?.state !== "streaming") return conversation;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the answer in ${id} stayed "streaming"`);
}

async function share(browser: Browser, id: string, json: unknown = {}) {
  return browser.remember(
    await routes.conversationShare.POST(
      browser.request(`/api/conversations/${id}/share`, { method: "POST", json }),
      params(id),
    ),
  );
}

async function created(browser: Browser, id: string, json: unknown = {}): Promise<OwnShare> {
  const response = await share(browser, id, json);
  expect(response.status).toBe(201);
  return (await response.json()) as OwnShare;
}

/** The public page, as a visitor without any cookie fetches it. */
async function page(token: string, headers: HeadersInit = {}) {
  const response = await routes.sharePage.GET(
    new Request(`http://localhost/s/${token}`, { headers }),
    tokenParams(token),
  );
  return { response, html: await response.text() };
}

const update = (browser: Browser, token: string, json: unknown = {}) =>
  routes.share.PUT(browser.request(`/api/shares/${token}`, { method: "PUT", json }), tokenParams(token));
const revoke = (browser: Browser, token: string) =>
  routes.share.DELETE(browser.request(`/api/shares/${token}`, { method: "DELETE" }), tokenParams(token));

describe("sharing a conversation", () => {
  it("serves a read-only snapshot under an unguessable token, with maths rendered on the server", async () => {
    const owner = new Browser();
    await ask(owner, "share-page-1", "What is the integral of x^2 from 0 to 1?");
    const shared = await created(owner, "share-page-1");
    expect(shared.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(shared.token).not.toContain("share-page-1");
    expect(shared.path).toBe(`/s/${shared.token}`);

    const { response, html } = await page(shared.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html).toContain("What is the integral of x^2 from 0 to 1?");
    expect(html).toContain('class="katex"');
    expect(html).toMatch(/<details class="reasoning"><summary>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`action="/api/shares/${shared.token}/continue"`);
    // Nothing identifies the owner or the original conversation.
    const ownerId = owner.cookie.split("=")[1]?.split(".")[0] as string;
    expect(html).not.toContain(ownerId);
    expect(html).not.toContain("share-page-1");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("sends noindex, no-referrer and no-framing, and a preview that quotes nothing unless allowed", async () => {
    const owner = new Browser();
    await ask(owner, "share-headers-1", "A private question about primes");
    const shared = await created(owner, "share-headers-1");
    const { response, html } = await page(shared.token);
    expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toContain('property="og:title"');
    expect(head).not.toContain("primes");

    const optedIn = await update(owner, shared.token, { showQuestion: true });
    expect(optedIn.status).toBe(200);
    const previewed = (await page(shared.token)).html;
    expect(previewed.slice(0, previewed.indexOf("</head>"))).toMatch(
      /og:description" content="A private question about primes"/,
    );
  });

  it("keeps the snapshot while the conversation goes on, until the owner updates it under the same URL", async () => {
    const owner = new Browser();
    await ask(owner, "share-snap-1", "First question");
    const shared = await created(owner, "share-snap-1");
    await ask(owner, "share-snap-1", "Second question, asked later");
    expect((await page(shared.token)).html).not.toContain("Second question");

    // Sharing again hands back the same live link, unchanged.
    const again = await share(owner, "share-snap-1");
    expect(again.status).toBe(200);
    expect(((await again.json()) as OwnShare).token).toBe(shared.token);
    expect((await page(shared.token)).html).not.toContain("Second question");

    const response = await update(owner, shared.token);
    expect(response.status).toBe(200);
    const updated = (await response.json()) as OwnShare;
    expect(updated.token).toBe(shared.token);
    expect(updated.path).toBe(shared.path);
    expect(updated.updatedAt > shared.updatedAt).toBe(true);
    expect((await page(shared.token)).html).toContain("Second question, asked later");
  });

  it("lists the owner's shares and finds a conversation's share", async () => {
    const owner = new Browser();
    await ask(owner, "share-list-1", "Listed question");
    const notYet = await routes.conversationShare.GET(
      owner.request("/api/conversations/share-list-1/share"),
      params("share-list-1"),
    );
    // Not shared yet is an answer, not an error (a 404 would log an error in the browser's console).
    expect(notYet.status).toBe(200);
    expect(await notYet.json()).toBeNull();
    const shared = await created(owner, "share-list-1");
    const listed = await (await routes.shares.GET(owner.request("/api/shares"))).json();
    expect(listed).toEqual({ shares: [shared] });
    const found = await routes.conversationShare.GET(
      owner.request("/api/conversations/share-list-1/share"),
      params("share-list-1"),
    );
    expect(await found.json()).toEqual(shared);
  });

  it("revokes at once and for good: the URL answers 404 and the token never comes back", async () => {
    const owner = new Browser();
    await ask(owner, "share-revoke-1", "Soon revoked");
    const shared = await created(owner, "share-revoke-1");
    expect((await revoke(owner, shared.token)).status).toBe(204);

    const gone = await page(shared.token);
    expect(gone.response.status).toBe(404);
    expect(gone.html).not.toContain("Soon revoked");
    expect(gone.response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect((await update(owner, shared.token)).status).toBe(404);
    expect((await revoke(owner, shared.token)).status).toBe(404);

    // Sharing again makes a new link; the revoked one stays dead.
    const renewed = await created(owner, "share-revoke-1");
    expect(renewed.token).not.toBe(shared.token);
    expect((await page(shared.token)).response.status).toBe(404);
    expect((await page(renewed.token)).response.status).toBe(200);
  });

  it("answers 404 for tokens that were never issued or are malformed", async () => {
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAAAA", "short", "../../etc/passwd", "x".repeat(200)]) {
      expect((await page(token)).response.status).toBe(404);
    }
  });

  it("lets no other owner see, update or revoke a share", async () => {
    const owner = new Browser();
    const mallory = new Browser();
    await ask(owner, "share-owner-1", "Alice's question");
    const shared = await created(owner, "share-owner-1");
    await ask(mallory, "share-mallory-1", "Hello");

    expect((await update(mallory, shared.token)).status).toBe(404);
    expect((await revoke(mallory, shared.token)).status).toBe(404);
    expect((await share(mallory, "share-owner-1")).status).toBe(404);
    const peek = await routes.conversationShare.GET(
      mallory.request("/api/conversations/share-owner-1/share"),
      params("share-owner-1"),
    );
    expect(peek.status).toBe(404);
    expect(await (await routes.shares.GET(mallory.request("/api/shares"))).json()).toEqual({ shares: [] });
    expect((await page(shared.token)).response.status).toBe(200);
  });

  it("deletes a conversation's share with the conversation", async () => {
    const owner = new Browser();
    await ask(owner, "share-delete-1", "Deleted soon");
    const shared = await created(owner, "share-delete-1");
    const deleted = await routes.conversation.DELETE(
      owner.request("/api/conversations/share-delete-1", { method: "DELETE" }),
      params("share-delete-1"),
    );
    expect(deleted.status).toBe(204);
    expect((await page(shared.token)).response.status).toBe(404);
    expect(await (await routes.shares.GET(owner.request("/api/shares"))).json()).toEqual({ shares: [] });
  });

  it("refuses bad input with 4xx", async () => {
    const owner = new Browser();
    await ask(owner, "share-bad-1", "Valid");
    expect((await share(owner, "share-bad-1", { showQuestion: "yes" })).status).toBe(400);
    const notJson = await routes.conversationShare.POST(
      owner.request("/api/conversations/share-bad-1/share", { method: "POST", body: "showQuestion=1" }),
      params("share-bad-1"),
    );
    expect(notJson.status).toBe(415);
    expect((await share(owner, "no-such-conversation")).status).toBe(404);
    expect((await update(owner, "not-a-token")).status).toBe(404);
  });
});

/** What a message says, whatever ids and bookkeeping its parts carry. */
function contentOf(message: LoadedConversation["messages"][number]) {
  const text = (type: string) =>
    message.parts.flatMap((part) => (part.type === type && "text" in part ? [part.text] : [])).join("");
  return { role: message.role, text: text("text"), reasoning: text("reasoning") };
}

describe("continuing a shared conversation", () => {
  const continueAs = (viewer: Browser, token: string, init: RequestInit = {}) =>
    routes.continueShare.POST(
      viewer.request(`/api/shares/${token}/continue`, { method: "POST", ...init }),
      tokenParams(token),
    );

  it("gives the viewer an independent private copy", async () => {
    const owner = new Browser();
    await ask(owner, "share-cont-1", "Original question");
    const shared = await created(owner, "share-cont-1");
    const original = await load(owner, "share-cont-1");

    const viewer = new Browser();
    const response = viewer.remember(await continueAs(viewer, shared.token));
    expect(response.status).toBe(201);
    expect(viewer.cookie).not.toBe("");
    const { id, path } = (await response.json()) as { id: string; path: string };
    expect(path).toBe(`/c/${id}`);
    expect(id).not.toBe("share-cont-1");

    const copy = await load(viewer, id);
    expect(copy?.title).toBe(original?.title);
    expect(copy?.messages.map(contentOf)).toEqual(original?.messages.map(contentOf));
    expect(copy?.messages.map((message) => message.id)).not.toEqual(original?.messages.map((m) => m.id));

    await ask(viewer, id, "The viewer's follow-up");
    expect((await load(owner, "share-cont-1"))?.messages).toEqual(original?.messages);
    expect((await page(shared.token)).html).not.toContain("follow-up");
    expect(await load(owner, id)).toBeNull();
  });

  it("answers a plain form post with a redirect to the copy", async () => {
    const owner = new Browser();
    await ask(owner, "share-form-1", "Form question");
    const shared = await created(owner, "share-form-1");
    const viewer = new Browser();
    const response = viewer.remember(
      await continueAs(viewer, shared.token, {
        headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
        body: "",
      }),
    );
    expect(response.status).toBe(303);
    const id = response.headers.get("location")?.replace(/^\/c\//, "") as string;
    expect((await load(viewer, id))?.title).toBe("Form question");
  });

  it("refuses a post from another site without touching the visitor's identity, and a revoked share", async () => {
    const owner = new Browser();
    await ask(owner, "share-csrf-1", "Question");
    const shared = await created(owner, "share-csrf-1");
    const crossSite = await continueAs(new Browser(), shared.token, {
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    // A browser without Sec-Fetch-Site still names the page's origin.
    const foreignOrigin = await continueAs(new Browser(), shared.token, {
      headers: { origin: "https://evil.example", host: "localhost" },
    });
    expect(foreignOrigin.status).toBe(403);
    const sameOrigin = await continueAs(new Browser(), shared.token, {
      headers: { origin: "http://localhost", host: "localhost" },
    });
    expect(sameOrigin.status).toBe(201);

    await revoke(owner, shared.token);
    expect((await continueAs(new Browser(), shared.token)).status).toBe(404);
  });
});
