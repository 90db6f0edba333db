import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { closedPort } from "@/tests/support/ports";

const STANDALONE_DIR = join(process.cwd(), ".next", "standalone");
const START_TIMEOUT_MS = 60_000;
/** Enough of a server's output to say why it failed. */
const KEPT_OUTPUT_CHARS = 8_000;

let assembled: Promise<unknown> | undefined;

/** Copies the static assets next to the standalone server once per test file (scripts/standalone.sh). */
function assembleStandalone(): Promise<unknown> {
  if (!existsSync(join(STANDALONE_DIR, "server.js"))) {
    throw new Error(
      "No .next/standalone/server.js: these tests run the production standalone server; run `npm run build` first.",
    );
  }
  assembled ??= promisify(execFile)("bash", ["scripts/standalone.sh"]);
  return assembled;
}

/**
 * One production app instance: the standalone server (`node .next/standalone/server.js`) as its own
 * process on a loopback port, with the environment a deployment would give it.
 */
export class AppInstance {
  private process: ChildProcess | undefined;
  private output = "";

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(name: string, env: Record<string, string>): Promise<AppInstance> {
    await assembleStandalone();
    const instance = new AppInstance(name, await closedPort(), env);
    await instance.launch();
    return instance;
  }

  /** Starts (again) on the same port with the same environment, and waits until /api/health answers. */
  async launch(): Promise<void> {
    this.output = "";
    const child = spawn(process.execPath, ["server.js"], {
      cwd: STANDALONE_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        LOG_LEVEL: "warn",
        HOSTNAME: "127.0.0.1",
        PORT: String(this.port),
        ...this.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (data: Buffer) => {
      this.output = (this.output + data.toString()).slice(-KEPT_OUTPUT_CHARS);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    this.process = child;
    await this.waitUntilHealthy(child);
  }

  private async waitUntilHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      const response = await fetch(`${this.url}/api/health`).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`App instance ${this.name} did not become healthy on ${this.url}:\n${this.output}`);
  }

  /** What the server printed lately (for failure messages). */
  log(): string {
    return this.output;
  }

  /** Ends the process: SIGTERM for a clean stop, SIGKILL for a crash. */
  async kill(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }
}
