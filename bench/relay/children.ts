import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { ClientRequest, PhaseResult } from "./load-client";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export interface Child {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Runs one of this folder's scripts in its own process and waits for the `{"url"}` line it prints. */
export async function startChild(script: string, args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ["--import", "tsx", here(script), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await Promise.race([
    once(lines, "line"),
    once(child, "exit").then(([code]) => {
      throw new Error(`${script} exited with ${code} before listening`);
    }),
  ])) as [string];
  const { url } = JSON.parse(line) as { url: string };
  return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export interface LoadClient {
  run(request: ClientRequest): Promise<PhaseResult>;
  stop(): Promise<void>;
}

/** The load client, forked so its parsing and timers never share a core's event loop with the servers. */
export function startLoadClient(): LoadClient {
  const child = fork(here("load-client.ts"), [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the load client exited with ${code}`))),
  );
  exited.catch(() => {});
  return {
    async run(request) {
      const answer = new Promise<PhaseResult>((resolve) => child.once("message", resolve));
      child.send(request);
      return Promise.race([answer, exited]);
    },
    stop: () => stopChild(child),
  };
}
