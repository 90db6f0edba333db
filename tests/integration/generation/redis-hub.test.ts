import { afterAll, beforeAll } from "vitest";
import { RedisGenerationHub } from "@/lib/generation/redis-hub";
import { startRedis, type ThrowawayRedis } from "@/tests/support/redis";
import { defineHubSuite } from "./hub.suite";

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
