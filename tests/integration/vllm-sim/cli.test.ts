import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../../../lib/vllm-sim/cli.ts", import.meta.url));

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

async function listeningUrl(child: ChildProcess): Promise<string> {
  let output = "";
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match?.[1]) return match[1];
  }
  throw new Error(`CLI exited without listening: ${output}`);
}

describe("vllm-sim CLI", () => {
  it("serves with the given flags and exits cleanly on SIGTERM", async () => {
    const child = runCli([
      "--port",
      "0",
      "--emulate-version",
      "0.11.2",
      "--no-reasoning-parser",
      "--itl-ms",
      "0",
    ]);
    const exited = once(child, "exit");
    try {
      const url = await listeningUrl(child);
      expect(await (await fetch(`${url}/version`)).text()).toBe('{"version":"0.11.2"}');
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ role: "user", content: "Hi" }], max_tokens: 3 }),
      });
      const { choices } = await res.json();
      expect(choices[0].message).toMatchObject({ reasoning: null, reasoning_content: null });
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it("exits with status 2 and a clear message on a bad flag value", async () => {
    const child = runCli(["--stream-interval", "0"]);
    let stderr = "";
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("--stream-interval: ");
  });
});
