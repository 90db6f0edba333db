import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installDebianPackage } from "./debian-package";
import { closedPort } from "./ports";

const NGINX = "/usr/sbin/nginx";
const START_TIMEOUT_MS = 10_000;
const TEMP_DIRS = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"] as const;

export interface ThrowawayNginx {
  /** Where the rendered config listens. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Reads one of the deploy/nginx templates and fills in its `${NAME}` placeholders (the form `envsubst`
 * fills in a deployment); every placeholder must be given.
 */
export function renderNginxTemplate(path: string, values: Record<string, string>): string {
  return readFileSync(path, "utf8").replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${path}: no value for \${${name}}`);
    return value;
  });
}

/**
 * Debian's nginx as a throwaway process, not the system service: its own prefix, pid, log and temp
 * directories under the system temp dir. `http(listen)` gives the `http` block's contents for a
 * server listening on `listen` (a free loopback address).
 */
export async function startNginx(http: (listen: string) => string): Promise<ThrowawayNginx> {
  if (!existsSync(NGINX))
    await installDebianPackage("nginx", `These tests need nginx, and ${NGINX} is missing`);
  const dir = mkdtempSync(join(tmpdir(), "r1-chat-nginx-"));
  // Worker processes drop root privileges, and still write their temp files here.
  chmodSync(dir, 0o755);
  for (const temp of TEMP_DIRS) {
    mkdirSync(join(dir, temp));
    chmodSync(join(dir, temp), 0o777);
  }
  const port = await closedPort();
  const config = join(dir, "nginx.conf");
  writeFileSync(
    config,
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${join(dir, "nginx.pid")};`,
      `error_log ${join(dir, "error.log")} warn;`,
      "events { worker_connections 512; }",
      "http {",
      "  access_log off;",
      ...TEMP_DIRS.map((temp) => `  ${temp}_temp_path ${join(dir, temp)};`),
      http(`127.0.0.1:${port}`),
      "}",
    ].join("\n"),
  );
  const server: ChildProcess = spawn(NGINX, ["-p", dir, "-c", config, "-e", join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr?.on("data", (data: Buffer) => {
    stderr += data.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null) resolve();
      else {
        server.once("exit", () => resolve());
        server.kill("SIGTERM");
      }
    }).then(() => rmSync(dir, { recursive: true, force: true }));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (
    !(await fetch(url).then(
      () => true,
      () => false,
    ))
  ) {
    if (server.exitCode !== null || Date.now() > deadline) {
      const log = existsSync(join(dir, "error.log")) ? readFileSync(join(dir, "error.log"), "utf8") : "";
      await stop();
      throw new Error(`nginx did not start on ${url}:\n${stderr}${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { url, stop };
}
