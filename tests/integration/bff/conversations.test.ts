import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedConversation } from "@/lib/chat/conversations";
import { Browser, loadRoutes, params } from "@/tests/support/routes";
import {
  browserTimingSample,
  joinDeltas,
  readUiChunks,
  userMessage,
  waitFor,
} from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;

beforeAll(async () => {
  // Slow enough that a test can act while an answer is being written.
  routes = await loadRoutes({ ttftMs: 5, itlMs: 4 });
});
afterAll(async () => {
  await routes.sim.close();
});

async function ask(browser: Browser, id: string, text: string, extra: Record<string, unknown> = {}) {
  const response = browser.remember(
    await routes.chat.POST(
      browser.request("/api/chat", {
        method: "POST",
        json: { id, trigger: "submit-message", message: userMessage(text), ...extra },
      }),
    ),
  );
  expect(response.status).toBe(200);
  return response;
}

async function load(browser: Browser, id: string): Promise<LoadedConversation | null> {
  const response = await routes.conversation.GET(browser.request(`/api/conversations/${id}`), params(id));
  return response.status === 200 ? ((await response.json()) as LoadedConversation) : null;
}

/** The stored conversation once its last answer is no longer marked as streaming (writes are batched). */
async function loadSettled(browser: Browser, id: string): Promise<LoadedConversation | null> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const conversation = await load(browser, id);
    if (conversation?.messages.at(-1)?.metadata?.state !== "streaming") return conversation;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the answer in ${id} stayed "streaming"`);
}

const textOf = (message: { parts: { type: string; text?: string }[] }, type = "text") =>
  message.parts
    .filter((part) => part.type === type)
    .map((part) => part.text)
    .join("");

describe("conversations persist on the server", () => {
  it("stores the question and the finished answer with its parts and metadata", async () => {
    const browser = new Browser();
    await readUiChunks(await ask(browser, "persist-1", "What is 12 + 30?"));
    const conversation = await loadSettled(browser, "persist-1");
    expect(conversation?.title).toBe("What is 12 + 30?");
    expect(conversation?.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    const stored = conversation?.messages[1];
    expect(stored?.metadata).toMatchObject({ state: "complete", finishReason: "stop" });
    expect(textOf(stored as never, "reasoning").length).toBeGreaterThan(20);
    expect(textOf(stored as never)).toContain("\\boxed{");
    expect((stored?.metadata?.rules ?? []).map((rule) => rule.id)).toContain("math-directive");
  });

  it("lists conversations newest first, renames and deletes them", async () => {
    const browser = new Browser();
    await readUiChunks(await ask(browser, "list-a-1", "First question"));
    await readUiChunks(await ask(browser, "list-b-1", "Second question"));
    const list = async () =>
      (
        (await (await routes.conversations.GET(browser.request("/api/conversations"))).json()) as {
          conversations: { id: string; title: string }[];
        }
      ).conversations;
    expect((await list()).map((c) => c.id)).toEqual(["list-b-1", "list-a-1"]);

    const renamed = await routes.conversation.PATCH(
      browser.request("/api/conversations/list-a-1", { method: "PATCH", json: { title: "Renamed" } }),
      params("list-a-1"),
    );
    expect(renamed.status).toBe(200);
    expect((await list()).find((c) => c.id === "list-a-1")?.title).toBe("Renamed");

    const badRename = await routes.conversation.PATCH(
      browser.request("/api/conversations/list-a-1", { method: "PATCH", json: { title: "  " } }),
      params("list-a-1"),
    );
    expect(badRename.status).toBe(400);

    const deleted = await routes.conversation.DELETE(
      browser.request("/api/conversations/list-a-1", { method: "DELETE" }),
      params("list-a-1"),
    );
    expect(deleted.status).toBe(204);
    expect((await list()).map((c) => c.id)).toEqual(["list-b-1"]);
    expect(await load(browser, "list-a-1")).toBeNull();
  });

  it("keeps one owner's conversations away from another", async () => {
    const alice = new Browser();
    const mallory = new Browser();
    await readUiChunks(await ask(alice, "private-1", "Alice's secret question"));
    await readUiChunks(await ask(mallory, "mallory-1", "Hello"));
    expect(mallory.cookie).not.toBe(alice.cookie);

    expect(await load(mallory, "private-1")).toBeNull();
    const listed = await (await routes.conversations.GET(mallory.request("/api/conversations"))).json();
    expect(JSON.stringify(listed)).not.toContain("private-1");
    const rename = await routes.conversation.PATCH(
      mallory.request("/api/conversations/private-1", { method: "PATCH", json: { title: "pwned" } }),
      params("private-1"),
    );
    expect(rename.status).toBe(404);
    const remove = await routes.conversation.DELETE(
      mallory.request("/api/conversations/private-1", { method: "DELETE" }),
      params("private-1"),
    );
    expect(remove.status).toBe(404);
    const follow = await routes.follow.GET(
      mallory.request("/api/chat/private-1/stream"),
      params("private-1"),
    );
    expect(follow.status).toBe(404);
    const hijack = await routes.chat.POST(
      mallory.request("/api/chat", {
        method: "POST",
        json: { id: "private-1", trigger: "submit-message", message: userMessage("Mine now") },
      }),
    );
    expect(hijack.status).toBe(409);
    expect((await load(alice, "private-1"))?.title).toBe("Alice's secret question");

    const forged = new Browser();
    forged.cookie = `${alice.cookie.split(".")[0]}.forged-signature`;
    expect(await load(forged, "private-1")).toBeNull();
  });
});

describe("answers outlive the page that asked", () => {
  it("a closed tab lets the answer finish and be stored; a reload catches up and follows it live", async () => {
    const browser = new Browser();
    const first = await ask(browser, "resume-1", "Explain the Pythagorean theorem.");
    const seen = await readUiChunks(first, (chunks) =>
      chunks.some((chunk) => chunk.type === "reasoning-delta"),
    );
    expect(joinDeltas(seen, "text-delta")).toBe("");

    const followed = await routes.follow.GET(
      browser.request("/api/chat/resume-1/stream"),
      params("resume-1"),
    );
    expect(followed.status).toBe(200);
    const replay = await readUiChunks(followed);
    expect(replay[0]?.type).toBe("start");
    expect(replay.at(-1)?.type).toBe("finish");
    const answerText = joinDeltas(replay, "text-delta");
    expect(answerText).toContain("\\boxed{");

    const stored = (await loadSettled(browser, "resume-1"))?.messages[1];
    expect(stored?.metadata?.state).toBe("complete");
    expect(textOf(stored as never)).toBe(answerText);
  });

  it("Stop aborts the upstream for every viewer and stores what was written as stopped", async () => {
    const browser = new Browser();
    const response = await ask(browser, "stop-0001", "Explain why the sky is blue.");
    const viewer = readUiChunks(response);
    await waitFor(() => routes.sim.load().running === 1);
    const stopped = await routes.stop.POST(
      browser.request("/api/chat/stop-0001/stop", { method: "POST" }),
      params("stop-0001"),
    );
    expect(await stopped.json()).toEqual({ stopped: true });
    await waitFor(() => routes.sim.load().running === 0, 1_000);
    const chunks = await viewer;
    expect(chunks.at(-1)?.type).toBe("abort");
    // The viewer's page can say the answer stopped, as it does once the stored answer is loaded.
    expect(chunks.at(-2)).toEqual({ type: "message-metadata", messageMetadata: { state: "stopped" } });

    const stored = (await loadSettled(browser, "stop-0001"))?.messages[1];
    expect(stored?.metadata?.state).toBe("stopped");
    const again = await routes.stop.POST(
      browser.request("/api/chat/stop-0001/stop", { method: "POST" }),
      params("stop-0001"),
    );
    expect(await again.json()).toEqual({ stopped: false });
  });

  it("refuses a second question while an answer is being written", async () => {
    const browser = new Browser();
    const first = readUiChunks(await ask(browser, "busy-0001", "Explain entropy."));
    const second = await routes.chat.POST(
      browser.request("/api/chat", {
        method: "POST",
        json: { id: "busy-0001", trigger: "submit-message", message: userMessage("And another thing") },
      }),
    );
    expect(second.status).toBe(409);
    await first;
  });
});

describe("the browser's timing figures", () => {
  it("are validated and stored with the answer, only by its owner", async () => {
    const browser = new Browser();
    await readUiChunks(await ask(browser, "timing-0001", "What is 6 * 7?"));
    const answerId = (await loadSettled(browser, "timing-0001"))?.messages[1]?.id as string;
    const timing = browserTimingSample;
    const put = (who: Browser, body: unknown) =>
      routes.timing.PUT(
        who.request(`/api/conversations/timing-0001/messages/${answerId}/timing`, {
          method: "PUT",
          json: body,
        }),
        { params: Promise.resolve({ id: "timing-0001", messageId: answerId }) },
      );

    expect((await put(browser, { ...timing, ttftMs: -5 })).status).toBe(400);
    expect((await put(new Browser(), timing)).status).toBe(404);
    expect((await put(browser, timing)).status).toBe(204);
    const stored = (await load(browser, "timing-0001"))?.messages[1]?.metadata;
    expect(stored?.browserTiming).toEqual(timing);
    expect(stored?.bffTiming?.clock).toBe("bff");
  });
});

describe("editing and regenerating", () => {
  it("edit-and-resend replaces the question and everything after it", async () => {
    const browser = new Browser();
    const send = async (message: ReturnType<typeof userMessage>, messageId?: string) =>
      readUiChunks(
        browser.remember(
          await routes.chat.POST(
            browser.request("/api/chat", {
              method: "POST",
              json: { id: "edit-0001", trigger: "submit-message", message, messageId },
            }),
          ),
        ),
      );
    await send(userMessage("What is 2 + 2?", "q1"));
    await send(userMessage("And 3 + 3?", "q2"));
    await loadSettled(browser, "edit-0001");
    await send(userMessage("What is 5 + 5?", "q1"), "q1");
    const conversation = await loadSettled(browser, "edit-0001");
    expect(conversation?.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(textOf(conversation?.messages[0] as never)).toBe("What is 5 + 5?");
  });

  it("regenerate replaces the last answer", async () => {
    const browser = new Browser();
    await readUiChunks(await ask(browser, "regen-0001", "Name a prime number."));
    const before = await loadSettled(browser, "regen-0001");
    const oldAnswerId = before?.messages[1]?.id as string;
    const response = await routes.chat.POST(
      browser.request("/api/chat", {
        method: "POST",
        json: { id: "regen-0001", trigger: "regenerate-message", messageId: oldAnswerId },
      }),
    );
    expect(response.status).toBe(200);
    await readUiChunks(response);
    const after = await loadSettled(browser, "regen-0001");
    expect(after?.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(after?.messages[1]?.id).not.toBe(oldAnswerId);
  });
});
