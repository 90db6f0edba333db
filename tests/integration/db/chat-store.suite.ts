import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatStore, DuplicateIdError, type NewMessage } from "@/lib/db";

/** Opens a store on one database; every call opens another store on that same database. */
export type OpenStore = () => Promise<ChatStore>;

/** Makes a new, empty database (one migration has not touched yet) for each call. */
export type NewDatabase = () => Promise<OpenStore>;

const owner = () => `owner-${randomUUID()}`;

function userMessage(text: string, id = randomUUID()): NewMessage {
  return { id, role: "user", parts: [{ type: "text", text }], state: "complete" };
}

function answer(overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    id: randomUUID(),
    role: "assistant",
    parts: [
      { type: "reasoning", text: "2 + 2 = 4", state: "done" },
      { type: "text", text: "\\boxed{4}", state: "done" },
    ],
    metadata: { model: "deepseek-r1", usage: { inputTokens: 12, outputTokens: 34 } },
    state: "complete",
    ...overrides,
  };
}

/** The behaviour every ChatStore dialect must share. */
export function defineChatStoreSuite(newDatabase: NewDatabase): void {
  let openStore: OpenStore;
  let store: ChatStore;

  beforeAll(async () => {
    openStore = await newDatabase();
    store = await openStore();
  });

  afterAll(async () => {
    await store?.close();
  });

  async function conversationWith(ownerId: string, ...messages: NewMessage[]) {
    const conversation = await store.createConversation(ownerId, { title: "A question" });
    for (const message of messages)
      expect(await store.appendMessage(ownerId, conversation.id, message)).toBe(true);
    return conversation;
  }

  async function messageIds(ownerId: string, conversationId: string) {
    return (await store.getConversation(ownerId, conversationId))?.messages.map((message) => message.id);
  }

  describe("conversations", () => {
    it("creates a conversation with a generated or a given id and ISO timestamps", async () => {
      const ownerId = owner();
      const generated = await store.createConversation(ownerId, { title: "First" });
      expect(generated.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(generated.title).toBe("First");
      expect(new Date(generated.createdAt).toISOString()).toBe(generated.createdAt);
      expect(generated.updatedAt).toBe(generated.createdAt);

      const given = await store.createConversation(ownerId, { id: `chat-${randomUUID()}`, title: "Second" });
      expect(await store.getConversation(ownerId, given.id)).toEqual({ conversation: given, messages: [] });
    });

    it("refuses an id that is already taken, by this owner or another", async () => {
      const taken = await store.createConversation(owner(), { title: "Mine" });
      await expect(
        store.createConversation(owner(), { id: taken.id, title: "Yours" }),
      ).rejects.toBeInstanceOf(DuplicateIdError);
    });

    it("lists the owner's conversations by latest activity, newest first, up to a limit", async () => {
      const ownerId = owner();
      const first = await store.createConversation(ownerId, { title: "first" });
      const second = await store.createConversation(ownerId, { title: "second" });
      const third = await store.createConversation(ownerId, { title: "third" });
      const titles = async (limit?: number) =>
        (await store.listConversations(ownerId, { limit })).map((conversation) => conversation.title);

      expect(await titles()).toEqual(["third", "second", "first"]);
      await store.appendMessage(ownerId, first.id, userMessage("back to the first"));
      expect(await titles()).toEqual(["first", "third", "second"]);
      expect(await titles(2)).toEqual(["first", "third"]);

      const [listed] = await store.listConversations(ownerId, { limit: 1 });
      expect(listed?.createdAt).toBe(first.createdAt);
      expect((listed?.updatedAt ?? "") > first.updatedAt).toBe(true);
      expect(second.createdAt < third.createdAt).toBe(true);
    });

    it("renames a conversation", async () => {
      const ownerId = owner();
      const conversation = await store.createConversation(ownerId, { title: "Untitled" });
      const renamed = await store.renameConversation(ownerId, conversation.id, "积分的计算 🧮");
      expect(renamed).toEqual({ ...conversation, title: "积分的计算 🧮" });
      expect((await store.getConversation(ownerId, conversation.id))?.conversation.title).toBe(
        "积分的计算 🧮",
      );
      expect(await store.renameConversation(ownerId, "no-such-conversation", "x")).toBeNull();
    });

    it("deletes a conversation together with its messages", async () => {
      const ownerId = owner();
      const question = userMessage("hello");
      const conversation = await conversationWith(ownerId, question, answer());

      expect(await store.deleteConversation(ownerId, conversation.id)).toBe(true);
      expect(await store.getConversation(ownerId, conversation.id)).toBeNull();
      expect(await store.listConversations(ownerId)).toEqual([]);
      expect(await store.deleteConversation(ownerId, conversation.id)).toBe(false);
      // The cascade freed the message id, so a new conversation can reuse it.
      const again = await store.createConversation(ownerId, { title: "again" });
      expect(await store.appendMessage(ownerId, again.id, question)).toBe(true);
    });
  });

  describe("messages", () => {
    it("appends messages in order and reads them back exactly", async () => {
      const ownerId = owner();
      const question = userMessage("求 $\\int_0^1 x^2 dx$ 的值 🤔");
      const reply = answer({
        parts: [
          { type: "step-start" },
          { type: "reasoning", text: '嗯，先求原函数 x³/3 … 😀\n"quoted" \\ backslash', state: "done" },
          { type: "text", text: "答案是 $\\boxed{\\frac{1}{3}}$ ✅", state: "done" },
        ],
        metadata: {
          rules: ["temperature 0.6", "数学提示"],
          timing: { firstTokenMs: 120.5 },
          nested: { empty: [] },
        },
      });
      const conversation = await conversationWith(ownerId, question, reply);

      const found = await store.getConversation(ownerId, conversation.id);
      expect(found?.messages).toEqual([
        { ...question, metadata: null, error: null, createdAt: expect.any(String) },
        { ...reply, error: null, createdAt: expect.any(String) },
      ]);
      const [asked, answered] = found?.messages ?? [];
      expect(asked && answered && asked.createdAt < answered.createdAt).toBe(true);
    });

    it("keeps append order however many messages there are", async () => {
      const ownerId = owner();
      const messages = Array.from({ length: 12 }, (_, index) =>
        index % 2 === 0 ? userMessage(`question ${index}`) : answer(),
      );
      const conversation = await conversationWith(ownerId, ...messages);
      expect(await messageIds(ownerId, conversation.id)).toEqual(messages.map((message) => message.id));
    });

    it("refuses a message id that is already taken", async () => {
      const ownerId = owner();
      const question = userMessage("once");
      const conversation = await conversationWith(ownerId, question);
      await expect(store.appendMessage(ownerId, conversation.id, question)).rejects.toBeInstanceOf(
        DuplicateIdError,
      );
      expect(await messageIds(ownerId, conversation.id)).toEqual([question.id]);
    });

    it("updates a streaming answer in batches, then finalises it", async () => {
      const ownerId = owner();
      const streaming = answer({ parts: [], metadata: null, state: "streaming" });
      const conversation = await conversationWith(ownerId, userMessage("2+2?"), streaming);
      const stored = async () => (await store.getConversation(ownerId, conversation.id))?.messages[1];

      const partial = [{ type: "reasoning", text: "Let me", state: "streaming" }];
      expect(await store.updateMessage(ownerId, conversation.id, streaming.id, { parts: partial })).toBe(
        true,
      );
      expect(await stored()).toMatchObject({ parts: partial, metadata: null, state: "streaming" });

      const final = answer().parts;
      expect(
        await store.updateMessage(ownerId, conversation.id, streaming.id, {
          parts: final,
          metadata: { finishReason: "stop" },
          state: "complete",
        }),
      ).toBe(true);
      expect(await stored()).toMatchObject({
        parts: final,
        metadata: { finishReason: "stop" },
        state: "complete",
      });
    });

    it("records an error and clears it again; leaves unpatched fields alone", async () => {
      const ownerId = owner();
      const reply = answer();
      const conversation = await conversationWith(ownerId, userMessage("q"), reply);
      const stored = async () => (await store.getConversation(ownerId, conversation.id))?.messages[1];

      await store.updateMessage(ownerId, conversation.id, reply.id, {
        state: "error",
        error: "upstream failed",
      });
      expect(await stored()).toMatchObject({
        parts: reply.parts,
        metadata: reply.metadata,
        error: "upstream failed",
      });

      await store.updateMessage(ownerId, conversation.id, reply.id, {
        state: "stopped",
        error: null,
        metadata: null,
      });
      expect(await stored()).toMatchObject({
        parts: reply.parts,
        metadata: null,
        state: "stopped",
        error: null,
      });
    });

    it("does not update a message through another conversation", async () => {
      const ownerId = owner();
      const reply = answer();
      await conversationWith(ownerId, userMessage("q"), reply);
      const other = await conversationWith(ownerId);
      expect(await store.updateMessage(ownerId, other.id, reply.id, { state: "error" })).toBe(false);
      expect(await store.updateMessage(ownerId, other.id, "no-such-message", { state: "error" })).toBe(false);
    });

    it("updates several answers in one call, never another owner's", async () => {
      const ownerId = owner();
      const intruder = owner();
      const first = answer();
      const second = answer();
      const one = await conversationWith(ownerId, userMessage("q1"), first);
      const two = await conversationWith(ownerId, userMessage("q2"), second);
      const partial = [{ type: "text", text: "Half", state: "streaming" }];
      await store.updateMessages([
        {
          ownerId,
          conversationId: one.id,
          messageId: first.id,
          patch: { parts: partial, state: "streaming" },
        },
        { ownerId, conversationId: two.id, messageId: second.id, patch: { state: "stopped" } },
        { ownerId: intruder, conversationId: one.id, messageId: first.id, patch: { state: "error" } },
      ]);
      const [storedOne, storedTwo] = await Promise.all([
        store.getConversation(ownerId, one.id),
        store.getConversation(ownerId, two.id),
      ]);
      expect(storedOne?.messages[1]).toMatchObject({ parts: partial, state: "streaming" });
      expect(storedTwo?.messages[1]).toMatchObject({ parts: second.parts, state: "stopped" });
      await store.updateMessages([]);
    });

    it("deletes a message and everything after it, then appends after what is left", async () => {
      const ownerId = owner();
      const messages = [userMessage("one"), answer(), userMessage("two"), answer()];
      const conversation = await conversationWith(ownerId, ...messages);
      const ids = messages.map((message) => message.id);

      expect(await store.deleteMessagesFrom(ownerId, conversation.id, ids[2] as string)).toBe(true);
      expect(await messageIds(ownerId, conversation.id)).toEqual(ids.slice(0, 2));
      expect(await store.deleteMessagesFrom(ownerId, conversation.id, ids[2] as string)).toBe(false);

      const edited = userMessage("two, edited");
      await store.appendMessage(ownerId, conversation.id, edited);
      expect(await messageIds(ownerId, conversation.id)).toEqual([...ids.slice(0, 2), edited.id]);

      expect(await store.deleteMessagesFrom(ownerId, conversation.id, ids[0] as string)).toBe(true);
      expect(await messageIds(ownerId, conversation.id)).toEqual([]);
    });

    it("does not append to a conversation that does not exist", async () => {
      expect(await store.appendMessage(owner(), "no-such-conversation", userMessage("hi"))).toBe(false);
    });

    it("gives concurrent appends distinct places in the conversation", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId);
      const second = await openStore();
      try {
        const messages = Array.from({ length: 30 }, (_, index) => userMessage(`concurrent ${index}`));
        const results = await Promise.all(
          messages.map((message, index) =>
            (index % 2 === 0 ? store : second).appendMessage(ownerId, conversation.id, message),
          ),
        );
        expect(results.every(Boolean)).toBe(true);
        const ids = await messageIds(ownerId, conversation.id);
        expect(ids).toHaveLength(messages.length);
        expect(new Set(ids)).toEqual(new Set(messages.map((message) => message.id)));
      } finally {
        await second.close();
      }
    });
  });

  describe("shares", () => {
    const shareOf = (conversationId: string, snapshot: unknown = { messages: ["first"] }) => ({
      token: `share-${randomUUID()}`,
      conversationId,
      title: "A question",
      snapshot,
      showQuestion: false,
    });

    it("stores a share with its snapshot, finds it by token, by conversation and in the owner's list", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId, userMessage("q"));
      const snapshot = { messages: [{ text: "∫ x² dx 😀" }], nested: { empty: [] } };
      const created = await store.createShare(ownerId, {
        ...shareOf(conversation.id, snapshot),
        showQuestion: true,
      });
      expect(created).toMatchObject({ conversationId: conversation.id, snapshot, showQuestion: true });
      expect(created?.createdAt).toBe(created?.updatedAt);

      expect(await store.getShare(created?.token as string)).toEqual(created);
      expect(await store.getConversationShare(ownerId, conversation.id)).toEqual(created);
      const { snapshot: _left, ...summary } = created as NonNullable<typeof created>;
      expect(await store.listShares(ownerId)).toEqual([summary]);
    });

    it("lists the owner's live shares newest first", async () => {
      const ownerId = owner();
      const first = await store.createShare(ownerId, shareOf((await conversationWith(ownerId)).id));
      const second = await store.createShare(ownerId, shareOf((await conversationWith(ownerId)).id));
      expect((await store.listShares(ownerId)).map((share) => share.token)).toEqual([
        second?.token,
        first?.token,
      ]);
    });

    it("keeps one live share per conversation and never reuses a token", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId);
      const share = shareOf(conversation.id);
      await store.createShare(ownerId, share);
      await expect(store.createShare(ownerId, shareOf(conversation.id))).rejects.toBeInstanceOf(
        DuplicateIdError,
      );
      expect(await store.revokeShare(ownerId, share.token)).toBe(true);
      // The tombstone keeps the revoked token taken, even for a conversation of another owner.
      const elsewhere = owner();
      const other = await conversationWith(elsewhere);
      await expect(
        store.createShare(elsewhere, { ...share, conversationId: other.id }),
      ).rejects.toBeInstanceOf(DuplicateIdError);
      expect(await store.getShare(share.token)).toBeNull();
      // After revoking, the conversation may be shared again under a new token.
      expect(await store.createShare(ownerId, shareOf(conversation.id))).not.toBeNull();
    });

    it("updates the snapshot under the same token and keeps createdAt", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId);
      const created = await store.createShare(ownerId, shareOf(conversation.id, { v: 1 }));
      const token = created?.token as string;
      const updated = await store.updateShare(ownerId, token, {
        title: "Renamed",
        snapshot: { v: 2 },
        showQuestion: true,
      });
      expect(updated).toMatchObject({ token, title: "Renamed", snapshot: { v: 2 }, showQuestion: true });
      expect(updated?.createdAt).toBe(created?.createdAt);
      expect((updated?.updatedAt ?? "") > (created?.updatedAt ?? "")).toBe(true);
      expect(await store.getShare(token)).toEqual(updated);
    });

    it("revokes for good: the token no longer answers, updates or revokes", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId);
      const { token } = (await store.createShare(ownerId, shareOf(conversation.id))) ?? { token: "" };
      expect(await store.revokeShare(ownerId, token)).toBe(true);
      expect(await store.getShare(token)).toBeNull();
      expect(await store.getConversationShare(ownerId, conversation.id)).toBeNull();
      expect(await store.listShares(ownerId)).toEqual([]);
      expect(
        await store.updateShare(ownerId, token, { title: "back", snapshot: {}, showQuestion: false }),
      ).toBeNull();
      expect(await store.revokeShare(ownerId, token)).toBe(false);
    });

    it("revokes a conversation's shares when the conversation is deleted", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId, userMessage("q"));
      const share = shareOf(conversation.id);
      await store.createShare(ownerId, share);
      expect(await store.deleteConversation(ownerId, conversation.id)).toBe(true);
      expect(await store.getShare(share.token)).toBeNull();
      expect(await store.listShares(ownerId)).toEqual([]);
      const again = await conversationWith(ownerId);
      await expect(store.createShare(ownerId, { ...share, conversationId: again.id })).rejects.toBeInstanceOf(
        DuplicateIdError,
      );
    });

    it("shares only the owner's conversations and lets no one else change a share", async () => {
      const alice = owner();
      const bob = owner();
      const conversation = await conversationWith(alice, userMessage("private"));
      expect(await store.createShare(bob, shareOf(conversation.id))).toBeNull();
      expect(await store.createShare(alice, shareOf("no-such-conversation"))).toBeNull();

      const created = await store.createShare(alice, shareOf(conversation.id, { v: 1 }));
      const token = created?.token as string;
      expect(
        await store.updateShare(bob, token, { title: "x", snapshot: { v: 666 }, showQuestion: true }),
      ).toBeNull();
      expect(await store.revokeShare(bob, token)).toBe(false);
      expect(await store.getConversationShare(bob, conversation.id)).toBeNull();
      expect(await store.listShares(bob)).toEqual([]);
      expect(await store.deleteConversation(bob, conversation.id)).toBe(false);
      expect(await store.getShare(token)).toEqual(created);
    });
  });

  describe("owner isolation", () => {
    it("never shows or changes one owner's data to another", async () => {
      const alice = owner();
      const bob = owner();
      const reply = answer();
      const conversation = await conversationWith(alice, userMessage("private"), reply);
      const before = await store.getConversation(alice, conversation.id);

      expect(await store.listConversations(bob)).toEqual([]);
      expect(await store.getConversation(bob, conversation.id)).toBeNull();
      expect(await store.renameConversation(bob, conversation.id, "mine now")).toBeNull();
      expect(await store.appendMessage(bob, conversation.id, userMessage("intruding"))).toBe(false);
      expect(await store.updateMessage(bob, conversation.id, reply.id, { parts: [], state: "error" })).toBe(
        false,
      );
      expect(await store.deleteMessagesFrom(bob, conversation.id, reply.id)).toBe(false);
      expect(await store.deleteConversation(bob, conversation.id)).toBe(false);

      expect(await store.getConversation(alice, conversation.id)).toEqual(before);
      expect(await store.listConversations(alice)).toEqual([before?.conversation]);
    });
  });

  describe("start-up", () => {
    it("marks answers left streaming as interrupted, once", async () => {
      await store.markStreamingInterrupted(); // whatever earlier tests left streaming
      const ownerId = owner();
      const cut = answer({ state: "streaming" });
      const alsoCut = answer({ state: "streaming" });
      const done = answer();
      const first = await conversationWith(ownerId, userMessage("a"), cut);
      const second = await conversationWith(ownerId, userMessage("b"), done, userMessage("c"), alsoCut);

      expect(await store.markStreamingInterrupted()).toBe(2);
      expect(await store.markStreamingInterrupted()).toBe(0);
      const states = async (conversationId: string) =>
        (await store.getConversation(ownerId, conversationId))?.messages.map((message) => message.state);
      expect(await states(first.id)).toEqual(["complete", "interrupted"]);
      expect(await states(second.id)).toEqual(["complete", "complete", "complete", "interrupted"]);
    });

    it("leaves the answers of conversations still generating elsewhere streaming", async () => {
      await store.markStreamingInterrupted();
      const ownerId = owner();
      const dead = await conversationWith(ownerId, userMessage("a"), answer({ state: "streaming" }));
      const live = await conversationWith(ownerId, userMessage("b"), answer({ state: "streaming" }));

      expect(await store.markStreamingInterrupted([live.id, "not-a-conversation"])).toBe(1);
      const lastState = async (conversationId: string) =>
        (await store.getConversation(ownerId, conversationId))?.messages.at(-1)?.state;
      expect(await lastState(dead.id)).toBe("interrupted");
      expect(await lastState(live.id)).toBe("streaming");
    });

    it("leaves answers written since the cut-off streaming", async () => {
      await store.markStreamingInterrupted();
      const ownerId = owner();
      const dead = await conversationWith(ownerId, userMessage("a"), answer({ state: "streaming" }));
      const written = (await store.getConversation(ownerId, dead.id))?.messages.at(-1)?.createdAt ?? "";
      const cutOff = new Date(Date.parse(written) + 1);
      const justStarted = await conversationWith(ownerId, userMessage("b"), answer({ state: "streaming" }));

      expect(await store.markStreamingInterrupted([], cutOff)).toBe(1);
      const lastState = async (conversationId: string) =>
        (await store.getConversation(ownerId, conversationId))?.messages.at(-1)?.state;
      expect(await lastState(dead.id)).toBe("interrupted");
      expect(await lastState(justStarted.id)).toBe("streaming");
    });

    it("opens an already migrated database again, keeping its data", async () => {
      const ownerId = owner();
      const conversation = await conversationWith(ownerId, userMessage("still here?"));
      const reopened = await openStore();
      try {
        expect((await reopened.getConversation(ownerId, conversation.id))?.messages).toHaveLength(1);
      } finally {
        await reopened.close();
      }
    });

    it("migrates a new database once when several stores open it at the same moment", async () => {
      const openFresh = await newDatabase();
      const stores = await Promise.all([openFresh(), openFresh(), openFresh()]);
      try {
        const ownerId = owner();
        const conversation = await stores[0]?.createConversation(ownerId, { title: "shared" });
        expect(await stores[2]?.listConversations(ownerId)).toEqual([conversation]);
      } finally {
        await Promise.all(stores.map((opened) => opened.close()));
      }
    });
  });
}
