import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, realpathSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SOURCE_DIRS = ["app", "pages", "components", "lib"];

/** Builds the app unless `.next` already holds a build newer than every source file. */
export function ensureProductionBuild(root: string, force: boolean): void {
  const buildId = join(root, ".next", "BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const stale = SOURCE_DIRS.some((dir) => newestChange(join(root, dir)) > builtAt);
  if (!force && !stale) return;
  console.log(
    builtAt === 0 ? "No production build: building…" : "Sources changed since the last build: building…",
  );
  const result = spawnSync(join(root, "node_modules/.bin/next"), ["build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface AppServer {
  url: string;
  /** Also its process group id: the app runs in a group of its own. */
  pid: number;
  stop(): Promise<void>;
}

/** `next start` on the production build, talking to `vllmBaseUrl`; stopped by its own process group id. */
export async function startApp(
  root: string,
  vllmBaseUrl: string,
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Promise<AppServer> {
  const port = await freePort();
  const next = join(root, "node_modules/.bin/next");
  const startArgs = ["start", "-p", String(port), "-H", "127.0.0.1"];
  // Node refuses flags such as --cpu-prof in NODE_OPTIONS, so those run Next's bin script under node directly.
  const [command, args] = options.nodeArgs
    ? [process.execPath, [...options.nodeArgs, realpathSync(next), ...startArgs]]
    : [next, startArgs];
  const child = spawn(command, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      VLLM_BASE_URL: vllmBaseUrl,
      // The app may keep conversations on disk; a benchmark leaves nothing behind in the work tree.
      DATA_DIR: mkdtempSync(join(tmpdir(), "r1-chat-bench-")),
      ...options.env,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(`${url}/api/health`, child);
  } catch (error) {
    await stopProcessGroup(child);
    throw error;
  }
  return { url, pid: child.pid as number, stop: () => stopProcessGroup(child) };
}

async function waitUntilHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy within 60 s`);
}

/** Stops a process started with `detached: true` and everything it started, by its group id. */
export async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = once(child, "exit");
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
