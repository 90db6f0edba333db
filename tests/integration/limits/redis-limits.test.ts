import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RedisStreamSlots } from "@/lib/limits/stream-slots";
import { connectRedis, type RedisClient } from "@/lib/redis/connect";
import { startRedis, type ThrowawayRedis } from "@/tests/support/redis";
import { describeTurnLimits } from "./turn-limits.suite";

let server: ThrowawayRedis;
let redis: RedisClient;

beforeAll(async () => {
  server = await startRedis();
  redis = await connectRedis(server.url, "test");
}, 60_000);
afterAll(async () => {
  await redis?.close();
  await server?.stop();
});

describeTurnLimits("Redis", async () => {
  await redis.flushAll();
  return { slots: new RedisStreamSlots(redis), redis };
});

describe("stream slots in Redis", () => {
  it("are shared by instances: a slot held by one is counted by another", async () => {
    const other = await connectRedis(server.url, "test");
    try {
      const key = `shared-${crypto.randomUUID()}`;
      const release = await new RedisStreamSlots(redis).acquire(key, 1);
      expect(await new RedisStreamSlots(other).acquire(key, 1)).toBeNull();
      await release?.();
      expect(await new RedisStreamSlots(other).acquire(key, 1)).not.toBeNull();
    } finally {
      await other.close();
    }
  });

  it("expire when the instance holding them stops renewing (a crash), so no slot leaks", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    try {
      const key = `crash-${crypto.randomUUID()}`;
      const slots = new RedisStreamSlots(redis);
      expect(await slots.acquire(key, 1)).not.toBeNull();
      expect(await slots.held(key)).toBe(1);
      // A crashed instance renews nothing: with the clock past the lease, the slot is free again.
      vi.clearAllTimers();
      vi.setSystemTime(Date.now() + 31_000);
      expect(await slots.held(key)).toBe(0);
      expect(await slots.acquire(key, 1)).not.toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("stay held past the lease while their stream runs (the lease is renewed)", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    try {
      const key = `renewed-${crypto.randomUUID()}`;
      const slots = new RedisStreamSlots(redis);
      await slots.acquire(key, 1);
      for (let i = 0; i < 6; i++) {
        await vi.advanceTimersByTimeAsync(10_000);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await slots.held(key)).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
