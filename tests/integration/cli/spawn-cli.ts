import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run <script>` the way npm does (node --import tsx), without colour and without the user's upstream. */
export function runScript(
  script: "chat" | "eval",
  args: string[],
  { input, env = {} }: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", VLLM_BASE_URL: "", VLLM_API_KEY: "", VLLM_MODEL: "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  child.stdin.end(input ?? "");
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export const TIMING_LINE =
  /^TTFT \d+ ms · reasoning [\d.]+ m?s · answer [\d.]+ m?s · \d+ tokens · [\d.]+ tokens\/s$/m;
