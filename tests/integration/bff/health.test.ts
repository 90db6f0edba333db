import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createPostgresStore, createSqliteStore } from "@/lib/db";
import { MemoryGenerationHub } from "@/lib/generation/memory-hub";
import { RedisGenerationHub } from "@/lib/generation/redis-hub";
import { checkHealth } from "@/lib/observability/health";
import { startSimServer } from "@/lib/vllm-sim";
import { closedPort } from "@/tests/support/ports";
import { startRedis } from "@/tests/support/redis";

/** Real storage and shared state for one test: a SQLite file of its own and an in-memory hub. */
async function localDependencies() {
  const store = await createSqliteStore(join(mkdtempSync(join(tmpdir(), "r1-health-")), "chat.db"));
  const hub = new MemoryGenerationHub();
  return {
    dependencies: { storage: async () => store, sharedState: async () => hub },
    close: () => Promise.all([store.close(), hub.close()]),
  };
}

describe("checkHealth", () => {
  it("reports the upstream's model, context and version", async () => {
    const sim = await startSimServer({ maxModelLen: 32_768, emulateVersion: "0.16.0" });
    try {
      const local = await localDependencies();
      const report = await checkHealth(parseConfig({ VLLM_BASE_URL: `${sim.url}/v1` }), local.dependencies);
      await local.close();
      expect(report.status).toBe("ok");
      expect(report.upstream).toMatchObject({
        simulated: false,
        healthy: true,
        model: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",
        maxModelLen: 32_768,
        version: "0.16.0",
      });
      expect(report.upstream.latencyMs).toBeGreaterThan(0);
    } finally {
      await sim.close();
    }
  });

  it("reports an unreachable upstream without its address", async () => {
    const local = await localDependencies();
    const report = await checkHealth(
      parseConfig({ VLLM_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` }),
      local.dependencies,
    );
    await local.close();
    expect(report.status).toBe("degraded");
    expect(report.upstream.healthy).toBe(false);
    expect(report.upstream.error).toBe(
      "cannot reach the model server: connection refused (is vLLM running?)",
    );
    expect(JSON.stringify(report)).not.toContain("127.0.0.1");
  });
});

async function upstreamConfig() {
  const sim = await startSimServer();
  return { sim, config: parseConfig({ VLLM_BASE_URL: `${sim.url}/v1` }) };
}

describe("checkHealth of storage and shared state", () => {
  it("reports a round trip to the SQLite store and the in-memory hub", async () => {
    const { sim, config } = await upstreamConfig();
    const local = await localDependencies();
    try {
      const report = await checkHealth(config, local.dependencies);
      expect(report.status).toBe("ok");
      expect(report.storage).toMatchObject({ kind: "sqlite", healthy: true });
      expect(report.sharedState).toMatchObject({ kind: "memory", healthy: true });
    } finally {
      await Promise.all([sim.close(), local.close()]);
    }
  });

  it("is degraded when PostgreSQL cannot be reached, without naming its address", async () => {
    const { sim, config } = await upstreamConfig();
    const port = await closedPort();
    const hub = new MemoryGenerationHub();
    try {
      const report = await checkHealth(
        { ...config, DATABASE_URL: `postgres://r1:secret@127.0.0.1:${port}/r1` },
        {
          storage: () => createPostgresStore(`postgres://r1:secret@127.0.0.1:${port}/r1`),
          sharedState: async () => hub,
        },
      );
      expect(report.status).toBe("degraded");
      expect(report.upstream.healthy).toBe(true);
      expect(report.storage).toMatchObject({ kind: "postgres", healthy: false });
      expect(report.storage.error).toMatch(/^postgres did not answer: /);
      expect(JSON.stringify(report)).not.toMatch(new RegExp(`${port}|secret|127\\.0\\.0\\.1`));
    } finally {
      await Promise.all([sim.close(), hub.close()]);
    }
  });
});

describe("checkHealth of Redis", () => {
  it("reports a round trip to Redis while it runs, and degraded once it is gone", async () => {
    const { sim, config } = await upstreamConfig();
    const redis = await startRedis();
    const store = await createSqliteStore(join(mkdtempSync(join(tmpdir(), "r1-health-")), "chat.db"));
    const hub = await RedisGenerationHub.connect(redis.url);
    const dependencies = { storage: async () => store, sharedState: async () => hub };
    try {
      const healthy = await checkHealth({ ...config, REDIS_URL: redis.url }, dependencies);
      expect(healthy.sharedState).toMatchObject({ kind: "redis", healthy: true });
      await redis.stop();
      const degraded = await checkHealth({ ...config, REDIS_URL: redis.url }, dependencies);
      expect(degraded.status).toBe("degraded");
      expect(degraded.sharedState).toMatchObject({ kind: "redis", healthy: false });
    } finally {
      await Promise.all([sim.close(), store.close(), hub.close().catch(() => {})]);
    }
  }, 15_000);
});
