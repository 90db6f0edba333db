import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChatStore } from "@/lib/db";
import {
  contentType,
  extraHeaders,
  hostileId,
  hostileString,
  jsonAnything,
  mutated,
  pathSegment,
  queryString,
  rawBody,
} from "@/tests/support/hostile-input";
import { Browser, loadRoutes, params } from "@/tests/support/routes";
import { browserTimingSample, readUiChunks, userMessage, waitFor } from "@/tests/support/ui-stream";

/** Runs per property: enough to hit every kind of input, few enough that the suite takes seconds. */
const RUNS = 60;
const VICTIM_ID = "victim-conversation";

type Handler = (request: Request) => Promise<Response>;
type ParamsHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

interface Attempt {
  method: string;
  path: string;
  body?: string | Uint8Array;
  contentType?: string;
  headers: Record<string, string>;
  /** Sent with the victim's cookie (replacing any fuzzed one). */
  asVictim: boolean;
}

const validChatBody = { id: VICTIM_ID, trigger: "submit-message", message: userMessage("Hello") };
const CHAT_PATHS = [
  ["id"],
  ["trigger"],
  ["messageId"],
  ["message"],
  ["message", "id"],
  ["message", "role"],
  ["message", "parts"],
  ["message", "metadata"],
  ["persona"],
  ["temperature"],
  ["maxTokens"],
  ["extra"],
];

/** A well-formed chat request whose strings are hostile, for a fresh conversation or the victim's. */
const hostileChatBody = fc.record(
  {
    id: fc.oneof(
      fc.constant(VICTIM_ID),
      fc.uuid().map((uuid) => `fuzz-${uuid}`),
    ),
    trigger: fc.constantFrom("submit-message", "regenerate-message"),
    messageId: hostileString,
    message: fc.record({
      id: hostileString,
      role: fc.constantFrom("user", "assistant", "system"),
      parts: fc.array(
        fc.oneof(
          hostileString.map((text) => ({ type: "text", text })),
          hostileString.map((text) => ({ type: "reasoning", text })),
          hostileString.map((type) => ({ type })),
        ),
        { maxLength: 3 },
      ),
    }),
    persona: hostileString,
  },
  { requiredKeys: ["id", "trigger", "message"] },
);

/** A chat request with a part nested far deeper than anything real (storing it would overflow the stack). */
const deeplyNestedChatBody = `{"id":"fuzz-deeply-nested","trigger":"submit-message","message":{"id":"deep","role":"user","parts":[{"type":"text","text":"Hi"},{"type":"data-x","data":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}}`;

const TIMING_PATHS = [
  ["clock"],
  ["ttftMs"],
  ["phases"],
  ["phases", "waitingMs"],
  ["chunks", "answer"],
  ["gaps", "count"],
  ["stalls"],
  ["recentGapsMs"],
  ["ended"],
  ["reads"],
  ["resumed"],
  ["extra"],
];

/**
 * Property-based fuzzing of every API route, called in-process: whatever the body, query, path params or
 * headers, a route answers with success or a 4xx with a JSON error message, never a 500 or a throw, and
 * a stored conversation (the victim's) reads back exactly as it was unless its owner changed it validly.
 * `prepare` points the configuration at a store first (SQLite in a temporary DATA_DIR by default) and
 * returns how to clean up.
 */
export function defineBadInputSuite(
  prepare: () => Promise<() => Promise<void>> = async () => async () => {},
) {
  let routes: Awaited<ReturnType<typeof loadRoutes>>;
  let operatorRoutes: Record<string, Handler>;
  let cleanUp: () => Promise<void>;
  const victim = new Browser();
  let victimAnswerId = "";
  let victimSnapshot = "";

  beforeAll(async () => {
    cleanUp = await prepare();
    routes = await loadRoutes();
    const asHandler = (handler: unknown) => handler as Handler;
    operatorRoutes = {
      health: asHandler((await import("@/app/api/health/route")).GET),
      metrics: asHandler((await import("@/app/api/metrics/route")).GET),
      status: asHandler((await import("@/app/api/status/route")).GET),
      upstreamLoad: asHandler((await import("@/app/api/upstream/load/route")).GET),
    };
    const response = await routes.chat.POST(
      victim.request("/api/chat", { method: "POST", json: validChatBody }),
    );
    await readUiChunks(victim.remember(response));
    victimSnapshot = await settledVictim();
    victimAnswerId = (JSON.parse(victimSnapshot) as { messages: { id: string }[] }).messages[1]?.id ?? "";
    // Generous: preparing may start a database server (or first install it).
  }, 600_000);
  afterAll(async () => {
    // Answers started by accepted requests finish (and are stored) before the store closes.
    await waitFor(() => routes.sim.load().running === 0, 10_000);
    await routes.sim.close();
    await (await getChatStore()).close();
    await cleanUp();
  });

  /** The victim's conversation as stored, once no answer is being written in it. */
  async function settledVictim(): Promise<string> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await routes.conversation.GET(
        victim.request(`/api/conversations/${VICTIM_ID}`),
        params(VICTIM_ID),
      );
      const body = (await response.json()) as {
        answering: boolean;
        messages: { metadata?: { state?: string } }[];
      };
      if (!body.answering && body.messages.at(-1)?.metadata?.state !== "streaming")
        return JSON.stringify(body);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the victim's answer never settled");
  }

  /** A client error: 4xx with a JSON body whose `error.message` says what is wrong. */
  async function expectClientError(response: Response): Promise<void> {
    const text = await response.text();
    expect(response.status, text).toBeGreaterThanOrEqual(400);
    expect(response.status, text).toBeLessThan(500);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error?.code).toEqual(expect.any(String));
    expect(body.error?.message).toEqual(expect.stringMatching(/\S/));
  }

  /**
   * Success or a client error with a message. Only a success sent by the victim may change their
   * conversation; the snapshot then moves on. A success's body (perhaps an answer) is read to the end,
   * so the next attempt does not find an answer still running.
   */
  async function expectNoServerError(response: Response, attempt: { asVictim: boolean }): Promise<void> {
    if (response.status >= 400) await expectClientError(response);
    else if (response.body) await readUiChunks(response);
    const stored = await settledVictim();
    if (response.status < 400 && attempt.asVictim) victimSnapshot = stored;
    else expect(JSON.parse(stored)).toEqual(JSON.parse(victimSnapshot));
  }

  function buildRequest({ method, path, body, contentType: type, headers, asVictim }: Attempt): Request {
    const all = new Headers(headers);
    if (type !== undefined) all.set("content-type", type);
    if (asVictim) all.set("cookie", victim.cookie);
    return new Request(`http://localhost${path}`, {
      method,
      headers: all,
      body: body as BodyInit | undefined,
    });
  }

  const check = <T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arbitrary, run), { numRuns: RUNS });

  describe("a refused request changes nothing", () => {
    it("refuses an edit whose question reuses the id of an earlier message, before deleting anything", async () => {
      const stored = JSON.parse(victimSnapshot) as { messages: { id: string }[] };
      const [question, answer] = stored.messages;
      const response = await routes.chat.POST(
        victim.request("/api/chat", {
          method: "POST",
          json: {
            ...validChatBody,
            messageId: answer?.id,
            message: userMessage("Edited", question?.id),
          },
        }),
      );
      expect(response.status).toBe(409);
      expect(JSON.parse(await settledVictim())).toEqual(JSON.parse(victimSnapshot));
    });
  });

  describe("fuzzed requests never cause a server error", () => {
    it("POST /api/chat", async () => {
      const attempt = fc.record({
        method: fc.constant("POST"),
        path: queryString.map((query) => `/api/chat${query}`),
        body: fc.oneof(
          { weight: 9, arbitrary: rawBody(fc.oneof(hostileChatBody, mutated(validChatBody, CHAT_PATHS))) },
          fc.constant(deeplyNestedChatBody),
        ),
        contentType,
        headers: extraHeaders,
        asVictim: fc.boolean(),
      });
      await check(attempt, async (input) => {
        await expectNoServerError(await routes.chat.POST(buildRequest(input)), input);
      });
    });

    it("GET /api/chat/[id]/stream and POST /api/chat/[id]/stop", async () => {
      const attempt = fc.record({
        id: hostileId(VICTIM_ID),
        stop: fc.boolean(),
        path: queryString,
        headers: extraHeaders,
        asVictim: fc.boolean(),
      });
      await check(attempt, async ({ id, stop, path, ...input }) => {
        const request = buildRequest({
          ...input,
          method: stop ? "POST" : "GET",
          path: `/api/chat/${pathSegment(id)}/${stop ? "stop" : "stream"}${path}`,
        });
        const handler: ParamsHandler = stop ? routes.stop.POST : routes.follow.GET;
        await expectNoServerError(await handler(request, params(id)), input);
      });
    });

    it("GET /api/conversations", async () => {
      const attempt = fc.record({
        path: queryString.map((query) => `/api/conversations${query}`),
        headers: extraHeaders,
      });
      await check(attempt, async (input) => {
        const response = await routes.conversations.GET(
          buildRequest({ ...input, method: "GET", asVictim: false }),
        );
        expect(response.status).toBe(200);
        // Whatever the cookie, it is not the victim's: their conversation is never listed.
        expect(await response.text()).not.toContain(VICTIM_ID);
      });
    });

    it("GET, PATCH and DELETE /api/conversations/[id]", async () => {
      const attempt = fc.record({
        id: hostileId(VICTIM_ID),
        method: fc.constantFrom("GET", "PATCH", "DELETE"),
        body: rawBody(
          fc.oneof(
            mutated({ title: "Renamed" }, [["title"], ["extra"]]),
            hostileString.map((title) => ({ title })),
          ),
        ),
        contentType,
        headers: extraHeaders,
        // Anyone but the victim: they could validly rename or delete their own conversation.
        asVictim: fc.constant(false),
      });
      await check(attempt, async ({ id, method, body, ...input }) => {
        const request = buildRequest({
          ...input,
          method,
          path: `/api/conversations/${pathSegment(id)}`,
          body: method === "PATCH" ? body : undefined,
        });
        const handler: ParamsHandler = routes.conversation[method as "GET" | "PATCH" | "DELETE"];
        await expectNoServerError(await handler(request, params(id)), input);
      });
    });

    it("PATCH /api/conversations/[id] by its owner with a title that is not valid", async () => {
      const invalidTitle = fc.oneof(
        jsonAnything.filter((value) => typeof value !== "string"),
        fc.constantFrom("", "   ", "x".repeat(201), "\u0000", "a\u0000b", "\ud800", "x\udfffy"),
      );
      const attempt = fc.record({ body: rawBody(invalidTitle.map((title) => ({ title }))), contentType });
      await check(attempt, async (input) => {
        const request = buildRequest({
          ...input,
          method: "PATCH",
          path: `/api/conversations/${VICTIM_ID}`,
          headers: {},
          asVictim: true,
        });
        await expectClientError(await routes.conversation.PATCH(request, params(VICTIM_ID)));
        expect(JSON.parse(await settledVictim())).toEqual(JSON.parse(victimSnapshot));
      });
    });

    it("PUT /api/conversations/[id]/messages/[messageId]/timing", async () => {
      const attempt = fc.record({
        id: hostileId(VICTIM_ID),
        messageId: fc.oneof(fc.constant("the victim's answer"), hostileId()),
        body: rawBody(mutated(browserTimingSample, TIMING_PATHS)),
        contentType,
        headers: extraHeaders,
        asVictim: fc.boolean(),
      });
      await check(attempt, async ({ id, messageId: given, ...input }) => {
        const messageId = given === "the victim's answer" ? victimAnswerId : given;
        const request = buildRequest({
          ...input,
          method: "PUT",
          path: `/api/conversations/${pathSegment(id)}/messages/${pathSegment(messageId)}/timing`,
        });
        const response = await routes.timing.PUT(request, { params: Promise.resolve({ id, messageId }) });
        await expectNoServerError(response, input);
      });
    });

    it("POST /api/doctor from another site", async () => {
      const doctor = (await import("@/app/api/doctor/route")).POST;
      const attempt = fc.record({
        path: queryString.map((query) => `/api/doctor${query}`),
        body: rawBody(jsonAnything),
        contentType,
        // Without X-Forwarded-Host: a page on another site cannot send it (a CORS preflight this app
        // never grants), and a client that can would not send an Origin header in the first place.
        headers: extraHeaders.map(({ "x-forwarded-host": _ignored, ...headers }) => ({
          ...headers,
          origin: "https://evil.example",
        })),
      });
      await check(attempt, async (input) => {
        await expectClientError(await doctor(buildRequest({ ...input, method: "POST", asVictim: false })));
      });
    });

    it("the operator endpoints ignore whatever is sent", async () => {
      const attempt = fc.record({
        route: fc.constantFrom("health", "metrics", "status", "upstreamLoad"),
        path: queryString.map((query) => `/api/x${query}`),
        headers: extraHeaders,
      });
      await check(attempt, async ({ route, ...input }) => {
        const handler = operatorRoutes[route] as Handler;
        const response = await handler(buildRequest({ ...input, method: "GET", asVictim: false }));
        expect(response.status).toBeLessThan(500);
        await response.body?.cancel();
      });
    });
  });
}
