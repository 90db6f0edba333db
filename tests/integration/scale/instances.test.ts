import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { engineLoad } from "@/lib/doctor/prometheus";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { renderNginxTemplate, startNginx, type ThrowawayNginx } from "@/tests/support/nginx";
import { type PostgresServer, startPostgres } from "@/tests/support/postgres";
import { startRedis, type ThrowawayRedis } from "@/tests/support/redis";
import { joinDeltas, userMessage } from "@/tests/support/ui-stream";
import { AppInstance } from "./app-instance";
import { answerState, hasDelta, OwnerClient, partText, readUiChunks } from "./owner-client";

/**
 * Two production instances (the standalone server) sharing one PostgreSQL, one Redis and one owner-cookie
 * secret, on one simulated vLLM: whichever instance a request reaches, the person sees the same thing.
 */
let postgres: PostgresServer;
let redis: ThrowawayRedis;
let sim: SimServer;
let a: AppInstance;
let b: AppInstance;

const OWNER_QUESTIONS_PER_MINUTE = 8;

/** A short answer, for checks that read it to the end. */
const SHORT = { maxTokens: 120 };

beforeAll(async () => {
  [postgres, redis, sim] = await Promise.all([
    startPostgres(),
    startRedis(),
    // Long reasoning by default (stopped or cut short by the tests), a few ms a token as on a GPU.
    startSimServer({ ttftMs: 30, itlMs: 10, reasoningTokens: 3_000 }),
  ]);
  const env = {
    DATABASE_URL: await postgres.newDatabase(),
    REDIS_URL: redis.url,
    OWNER_COOKIE_SECRET: randomBytes(32).toString("hex"),
    VLLM_BASE_URL: `${sim.url}/v1`,
    // Low enough for one test to reach; no other test asks this many questions as one owner.
    RATE_LIMIT_OWNER_PER_MINUTE: String(OWNER_QUESTIONS_PER_MINUTE),
  };
  // Each instance has its own disk; only PostgreSQL, Redis and the secret are shared.
  const instanceEnv = () => ({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), "r1-chat-instance-")) });
  a = await AppInstance.start("A", instanceEnv());
  b = await AppInstance.start("B", instanceEnv());
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.kill(), b?.kill()]);
  await Promise.all([sim?.close(), redis?.stop(), postgres?.stop()]);
});

const conversationId = () => `scale-${randomBytes(6).toString("hex")}`;

async function runningUpstream(): Promise<number> {
  return engineLoad(await (await fetch(`${sim.url}/metrics`)).text()).running ?? Number.NaN;
}

async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
  intervalMs = 100,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

describe("two app instances sharing PostgreSQL and Redis", () => {
  // Each check starts with no answer running upstream, whatever the one before left finishing.
  beforeEach(() => eventually(runningUpstream, (running) => running === 0), 20_000);

  it("lists a conversation started through A on B, and continues it there", async () => {
    const browser = new OwnerClient();
    const id = conversationId();
    await readUiChunks(await browser.ask(a.url, id, "What is 2 + 2?", SHORT));

    const listed = await (await browser.request(b.url, "/api/conversations")).json();
    expect(listed.conversations.map((conversation: { id: string }) => conversation.id)).toContain(id);

    const second = await readUiChunks(await browser.ask(b.url, id, "And 3 + 3?", SHORT));
    expect(second.at(-1)?.type).toBe("finish");
    const stored = await eventually(
      () => browser.conversation(a.url, id),
      (conversation) => answerState(conversation) === "complete",
    );
    expect(stored.messages.map((message) => message.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
    ]);
    expect(stored.messages.map((message) => message.metadata.state ?? "question")).toEqual([
      "question",
      "complete",
      "question",
      "complete",
    ]);
  });

  it("lets B follow live, after a reload, an answer streaming from A", async () => {
    const browser = new OwnerClient();
    const id = conversationId();
    // The page that asked on A is reloaded as soon as the answer starts.
    await readUiChunks(await browser.ask(a.url, id, "Explain primes", { maxTokens: 300 }), hasDelta);

    const follow = await browser.request(b.url, `/api/chat/${id}/stream`);
    expect(follow.status).toBe(200);
    expect((await browser.conversation(b.url, id)).answering).toBe(true);
    const seen = await readUiChunks(follow);
    expect(seen.at(-1)?.type).toBe("finish");

    const stored = await eventually(
      () => browser.conversation(b.url, id),
      (conversation) => answerState(conversation) === "complete",
    );
    expect(joinDeltas(seen, "reasoning-delta")).toBe(partText(stored, "reasoning"));
    expect(partText(stored, "reasoning").length).toBeGreaterThan(0);
  });

  it("stops, with Stop pressed on B, the generation running on A", async () => {
    const browser = new OwnerClient();
    const id = conversationId();
    const asked = await browser.ask(a.url, id, "Think for a long time");
    await readUiChunks(asked, hasDelta);
    expect(await runningUpstream()).toBe(1);

    const stop = await browser.request(b.url, `/api/chat/${id}/stop`, { method: "POST" });
    expect(await stop.json()).toEqual({ stopped: true });

    await eventually(runningUpstream, (running) => running === 0);
    const stored = await eventually(
      () => browser.conversation(b.url, id),
      (conversation) => answerState(conversation) === "stopped",
    );
    expect(stored.answering).toBe(false);
    expect(partText(stored, "reasoning").length).toBeGreaterThan(0);
  });

  it("marks an answer interrupted when its instance crashed, not one another instance is still writing", async () => {
    const browser = new OwnerClient();
    const onA = conversationId();
    const onB = conversationId();
    await readUiChunks(await browser.ask(a.url, onA, "Think on A"), hasDelta);
    await readUiChunks(await browser.ask(b.url, onB, "Think on B"), hasDelta);

    await a.kill("SIGKILL");
    await a.launch();

    // The crashed instance's heartbeat lapses within the TTL; its answer is then marked, wherever it is read.
    const crashed = await eventually(
      () => browser.conversation(b.url, onA),
      (conversation) => answerState(conversation) === "interrupted",
      20_000,
    );
    expect(crashed.answering).toBe(false);
    const living = await browser.conversation(a.url, onB);
    expect(answerState(living)).toBe("streaming");
    expect(living.answering).toBe(true);

    // The interrupted conversation is not left blocked: it can be continued (once the crashed instance's
    // stream slot has lapsed with its heartbeat).
    const retry = await eventually(
      () =>
        browser.request(a.url, "/api/chat", {
          method: "POST",
          json: { id: onA, trigger: "submit-message", message: userMessage("Try again"), ...SHORT },
        }),
      (response) => response.status !== 429,
      10_000,
      // Each refused attempt counts against the owner's rate limit: ask sparingly.
      2_000,
    );
    expect(retry.status).toBe(200);
    const retried = await readUiChunks(retry);
    expect(retried.at(-1)?.type).toBe("finish");

    await browser.request(a.url, `/api/chat/${onB}/stop`, { method: "POST" });
    await eventually(
      () => browser.conversation(b.url, onB),
      (conversation) => answerState(conversation) === "stopped",
    );
  }, 60_000);

  it("counts one owner's questions against one rate limit, whichever instance they reach", async () => {
    const browser = new OwnerClient();
    const id = conversationId();
    for (let question = 0; question < OWNER_QUESTIONS_PER_MINUTE; question += 1) {
      const instance = question % 2 === 0 ? a : b;
      await readUiChunks(await browser.ask(instance.url, id, `Question ${question}`, SHORT));
    }
    // Each instance alone has seen only half of them; together they are over the limit.
    for (const instance of [a, b]) {
      const refused = await browser.request(instance.url, "/api/chat", {
        method: "POST",
        json: { id, trigger: "submit-message", message: userMessage("One too many"), ...SHORT },
      });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await refused.json()).error.message).toMatch(/minute|limit/i);
    }
    // Another owner is not held back by this one's limit.
    const other = new OwnerClient();
    expect((await readUiChunks(await other.ask(b.url, conversationId(), "Hello", SHORT))).at(-1)?.type).toBe(
      "finish",
    );
  });

  it("opens on B a share created on A, and a revoke on B takes effect on A", async () => {
    const browser = new OwnerClient();
    const id = conversationId();
    await readUiChunks(await browser.ask(a.url, id, "What is 6 times 7?", SHORT));
    await eventually(
      () => browser.conversation(a.url, id),
      (conversation) => answerState(conversation) === "complete",
    );

    const created = await browser.request(a.url, `/api/conversations/${id}/share`, {
      method: "POST",
      json: {},
    });
    expect(created.status).toBe(201);
    const share = (await created.json()) as { token: string; path: string };
    // A stranger (no cookie) reads it through the other instance.
    const onB = await fetch(`${b.url}${share.path}`);
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain("6 times 7");

    const revoked = await browser.request(b.url, `/api/shares/${share.token}`, { method: "DELETE" });
    expect(revoked.ok).toBe(true);
    expect((await fetch(`${a.url}${share.path}`)).status).toBe(404);
  });
});

describe("nginx in front of both instances (deploy/nginx/r1-chat.conf)", () => {
  let nginx: ThrowawayNginx;
  beforeAll(async () => {
    nginx = await startNginx((listen) =>
      renderNginxTemplate("deploy/nginx/r1-chat.conf", {
        APP_LISTEN: listen,
        APP_INSTANCES: `server 127.0.0.1:${a.port}; server 127.0.0.1:${b.port};`,
      }),
    );
  });
  afterAll(() => nginx?.stop());

  it("passes an answer through token by token", async () => {
    const browser = new OwnerClient();
    const response = await browser.ask(nginx.url, conversationId(), "Stream through nginx", {
      maxTokens: 200,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let reads = 0;
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      reads += 1;
      text += new TextDecoder().decode(value);
    }
    const deltas = text.split("\n\n").filter((event) => event.includes('"reasoning-delta"')).length;
    expect(deltas).toBeGreaterThan(100);
    // Buffered, 200 events would arrive in a handful of lumps; passed through, about one read each.
    expect(reads).toBeGreaterThan(deltas / 2);
  });
});
