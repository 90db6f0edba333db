import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface AppServer {
  url: string;
  dataDir: string;
  /** The server process (`next start` serves in its own process). */
  pid: number;
  /** Ends the server; SIGKILL models a crash (no shutdown handlers run). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** The production server (`next start`) as its own process, for specs that break it or its upstream. */
export async function startAppServer(
  port: number,
  env: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), "r1-chat-e2e-own-")),
): Promise<AppServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "./node_modules/.bin/next",
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: "",
        REDIS_URL: "",
        LOG_LEVEL: "warn",
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start did not answer on ${url} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    dataDir,
    pid: child.pid as number,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
