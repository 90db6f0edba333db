import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ChatStore, createSqliteStore } from "@/lib/db";
import { watchAbandonedAnswers } from "@/lib/generation";
import { MemoryGenerationHub } from "@/lib/generation/memory-hub";
import { RedisGenerationHub } from "@/lib/generation/redis-hub";
import { startRedis, type ThrowawayRedis } from "@/tests/support/redis";
import { manualSource } from "./hub.suite";

const runningTtlMs = 300;
const ownerId = "owner-abandoned";
let redis: ThrowawayRedis;
let store: ChatStore;

beforeAll(async () => {
  redis = await startRedis();
  store = await createSqliteStore(join(mkdtempSync(join(tmpdir(), "r1-chat-abandoned-")), "chat.db"));
}, 120_000);

afterAll(async () => {
  await store?.close();
  await redis?.stop();
});

/** A conversation whose last answer is stored as still streaming. */
async function streamingAnswer(): Promise<string> {
  const { id } = await store.createConversation(ownerId, { title: "q" });
  await store.appendMessage(ownerId, id, { id: randomUUID(), role: "user", parts: [], state: "complete" });
  await store.appendMessage(ownerId, id, {
    id: randomUUID(),
    role: "assistant",
    parts: [],
    state: "streaming",
  });
  return id;
}

const answerState = async (conversationId: string) =>
  (await store.getConversation(ownerId, conversationId))?.messages.at(-1)?.state;

describe("marking abandoned answers", () => {
  it("alone, marks every answer left streaming at start-up", async () => {
    const left = await streamingAnswer();
    const stop = await watchAbandonedAnswers(store, new MemoryGenerationHub());
    stop();
    expect(await answerState(left)).toBe("interrupted");
  });

  it("with Redis, spares the answers instances are generating, and catches an instance's once it crashes, however long after start-up", async () => {
    const longGone = await streamingAnswer();
    await sleep(runningTtlMs + 100);
    const [live, crashed] = [await streamingAnswer(), await streamingAnswer()];
    const connect = () => RedisGenerationHub.connect(redis.url, { runningTtlMs });
    const [running, crashing] = await Promise.all([connect(), connect()]);
    const liveSource = manualSource();
    const liveRun = running.run(live, liveSource.produce, new AbortController());
    const crashedSource = manualSource();
    const crashedRun = crashing
      .run(crashed, crashedSource.produce, new AbortController())
      .catch(() => "lost");
    await sleep(50);
    // Stored the moment before its generation starts: no heartbeat yet.
    const starting = await streamingAnswer();

    const stop = await watchAbandonedAnswers(store, running);
    expect(await answerState(longGone)).toBe("interrupted");
    expect(await answerState(starting)).toBe("streaming");
    expect(await answerState(crashed)).toBe("streaming");
    expect(await answerState(live)).toBe("streaming");

    // Well after start-up, an instance crashes and never comes back: the one still running notices.
    await sleep(4 * runningTtlMs);
    expect(await answerState(crashed)).toBe("streaming");
    await crashing.close();
    await expect.poll(() => answerState(crashed), { timeout: 10 * runningTtlMs }).toBe("interrupted");
    expect(await answerState(live)).toBe("streaming");

    stop();
    liveSource.end();
    crashedSource.end();
    await Promise.all([liveRun, crashedRun]);
    await running.close();
  });

  it("with Redis, goes on sweeping when the first sweep fails", async () => {
    const left = await streamingAnswer();
    await sleep(runningTtlMs + 100);
    const hub = await RedisGenerationHub.connect(redis.url, { runningTtlMs });
    let calls = 0;
    // The database is unreachable for the first sweep only.
    const flakyStore: ChatStore = Object.create(store, {
      markStreamingInterrupted: {
        value: (...args: Parameters<ChatStore["markStreamingInterrupted"]>) =>
          ++calls === 1
            ? Promise.reject(new Error("database unreachable"))
            : store.markStreamingInterrupted(...args),
      },
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});

    const stop = await watchAbandonedAnswers(flakyStore, hub);
    expect(await answerState(left)).toBe("streaming");
    expect(errors).toHaveBeenCalledWith("[r1-chat] could not mark abandoned answers", expect.any(Error));
    await expect.poll(() => answerState(left), { timeout: 10 * runningTtlMs }).toBe("interrupted");

    stop();
    errors.mockRestore();
    await hub.close();
  });
});
