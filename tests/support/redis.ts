import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { installDebianPackage } from "./debian-package";
import { closedPort } from "./ports";

const REDIS_SERVER = "/usr/bin/redis-server";

/** Installs Debian's redis-server when it is missing and we may (root with apt); otherwise fails clearly. */
async function ensureRedisServer(): Promise<void> {
  if (existsSync(REDIS_SERVER)) return;
  await installDebianPackage("redis-server", `These tests need Redis, and ${REDIS_SERVER} is missing`);
}

export interface ThrowawayRedis {
  url: string;
  stop(): Promise<void>;
}

/** A Redis server on a free loopback port with no persistence, for one test file. */
export async function startRedis(): Promise<ThrowawayRedis> {
  await ensureRedisServer();
  const port = await closedPort();
  const server: ChildProcess = spawn(
    REDIS_SERVER,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    { stdio: "ignore" },
  );
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const { createClient } = await import("redis");
      const client = createClient({ url });
      client.on("error", () => {});
      await client.connect();
      await client.close();
      break;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`redis-server did not start on port ${port}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }),
  };
}
