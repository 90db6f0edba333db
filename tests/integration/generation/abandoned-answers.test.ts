import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChatStore, createSqliteStore } from "@/lib/db";
import { markAbandonedAnswers } from "@/lib/generation";
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

describe("marking abandoned answers at start-up", () => {
  it("alone, marks every answer left streaming", async () => {
    const left = await streamingAnswer();
    await markAbandonedAnswers(store, new MemoryGenerationHub());
    expect(await answerState(left)).toBe("interrupted");
  });

  it("with Redis, spares answers an instance is generating, and catches a crashed one's once its heartbeat lapses", async () => {
    const [live, crashed, longGone] = [
      await streamingAnswer(),
      await streamingAnswer(),
      await streamingAnswer(),
    ];
    const connect = () => RedisGenerationHub.connect(redis.url, { runningTtlMs });
    const [running, crashing, restarted] = await Promise.all([connect(), connect(), connect()]);
    const liveSource = manualSource();
    const liveRun = running.run(live, liveSource.produce, new AbortController());
    const crashedSource = manualSource();
    const crashedRun = crashing
      .run(crashed, crashedSource.produce, new AbortController())
      .catch(() => "lost");
    await sleep(50);
    await crashing.close();

    await markAbandonedAnswers(store, restarted);
    expect(await answerState(longGone)).toBe("interrupted");
    expect(await answerState(crashed)).toBe("streaming");
    expect(await answerState(live)).toBe("streaming");

    await sleep(runningTtlMs + 1_500);
    expect(await answerState(crashed)).toBe("interrupted");
    expect(await answerState(live)).toBe("streaming");

    liveSource.end();
    crashedSource.end();
    await Promise.all([liveRun, crashedRun]);
    await Promise.all([running.close(), restarted.close()]);
  });
});
