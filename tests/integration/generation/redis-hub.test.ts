import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisGenerationHub } from "@/lib/generation/redis-hub";
import { startRedis, type ThrowawayRedis } from "@/tests/support/redis";
import { defineHubSuite, manualSource, readAll } from "./hub.suite";

let redis: ThrowawayRedis;
let instanceA: RedisGenerationHub;
let instanceB: RedisGenerationHub;

beforeAll(async () => {
  redis = await startRedis();
  instanceA = await RedisGenerationHub.connect(redis.url);
  instanceB = await RedisGenerationHub.connect(redis.url);
}, 120_000);

afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await redis?.stop();
});

defineHubSuite("Redis generation hub (two instances)", () => ({ runner: instanceA, viewer: instanceB }));

describe("Redis generation hub heartbeats", () => {
  const runningTtlMs = 400;

  it("keeps a generation running past the TTL while its instance lives", async () => {
    const runner = await RedisGenerationHub.connect(redis.url, { runningTtlMs });
    try {
      const source = manualSource();
      const done = runner.run("conv-beating", source.produce, new AbortController());
      await sleep(runningTtlMs * 3);
      expect(await instanceB.isRunning("conv-beating")).toBe(true);
      expect(await instanceB.runningKeys()).toContain("conv-beating");
      source.end();
      await done;
      expect(await instanceB.isRunning("conv-beating")).toBe(false);
      expect(await instanceB.runningKeys()).not.toContain("conv-beating");
    } finally {
      await runner.close();
    }
  });

  it("lets a generation go within a TTL once its instance is gone, ending its followers", async () => {
    const doomed = await RedisGenerationHub.connect(redis.url, { runningTtlMs });
    const source = manualSource();
    const done = doomed.run("conv-orphaned", source.produce, new AbortController()).catch(() => "lost");
    source.delta("half an answer");
    await sleep(50);
    const follower = await instanceB.subscribe("conv-orphaned");
    expect(follower).not.toBeNull();
    await doomed.close();

    expect(await readAll(follower)).toBe("half an answer");
    expect(await instanceB.isRunning("conv-orphaned")).toBe(false);
    expect(await instanceB.runningKeys()).not.toContain("conv-orphaned");
    source.end();
    expect(await done).toBe("lost");
  }, 15_000);
});
