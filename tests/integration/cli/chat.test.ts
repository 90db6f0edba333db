import { afterAll, beforeAll, describe, it } from "vitest";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { closedPort } from "@/tests/support/ports";
import { runScript, TIMING_LINE } from "./spawn-cli";

let sim: SimServer;
let url: string;

beforeAll(async () => {
  sim = await startSimServer({ ttftMs: 1, itlMs: 1 });
  url = `${sim.url}/v1`;
});
afterAll(async () => {
  await sim.close();
});

// Each test spawns its own CLI process, so they run side by side.
describe.concurrent("npm run chat", () => {
  it("prints the reasoning, then the answer, then the rules and the timing line", async ({ expect }) => {
    const { code, stdout, stderr } = await runScript("chat", ["--url", url, "Compute 12 × 7."]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("\x1b[");
    const reasoningAt = stdout.indexOf("── reasoning ──\n");
    const answerAt = stdout.indexOf("── answer ──\n");
    expect(reasoningAt).toBe(0);
    expect(answerAt).toBeGreaterThan(reasoningAt);
    expect(stdout.slice(reasoningAt, answerAt)).toContain("12 × 7");
    expect(stdout.slice(answerAt)).toContain("\\boxed{84}");
    expect(stderr).toContain(
      "R1 rules: temperature 0.6 · top_p 0.95 · asked for step-by-step reasoning and a \\boxed{} answer (1 question)",
    );
    expect(stderr).toMatch(TIMING_LINE);
  });

  it("keeps a conversation over piped lines, in Chinese too, with the answers alone when quiet", async ({
    expect,
  }) => {
    const { code, stdout, stderr } = await runScript("chat", ["--url", url, "--no-reasoning", "--quiet"], {
      input: "Compute 2 + 3.\n/reset\n计算 4 × 5 等于多少？\n/exit\nCompute 9 + 9.\n",
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^To compute/);
    expect(stdout).toContain("\\boxed{5}");
    expect(stdout).toContain("所以最终答案是 \\(\\boxed{20}\\)。");
    expect(stdout).not.toContain("\\boxed{18}");
    expect(stdout).not.toContain("reasoning");
    expect(stderr).toContain(`Chatting with deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B at ${url}`);
    expect(stderr).toContain("New conversation.");
    expect(stderr).not.toContain("R1 rules");
    expect(stderr.match(new RegExp(TIMING_LINE.source, "gm"))).toHaveLength(2);
  });

  it("starts the built-in simulator when no server is configured, and says so", async ({ expect }) => {
    const { code, stdout, stderr } = await runScript("chat", ["--quiet", "Compute 6 × 7."], {
      env: { SIM_TTFT_MS: "1", SIM_ITL_MS: "0" },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^No --url and no VLLM_BASE_URL: using the built-in vLLM simulator at http:\/\/127\.0\.0\.1:\d+\/v1/,
    );
    expect(stdout).toContain("\\boxed{42}");
  });

  it("keeps what arrived and explains a connection lost mid-answer", async ({ expect }) => {
    const failing = await startSimServer({ ttftMs: 1, itlMs: 0, defaultFault: "cut-after:20" });
    try {
      const { code, stdout, stderr } = await runScript("chat", [
        "--url",
        `${failing.url}/v1`,
        "Compute 12 × 7.",
      ]);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^── reasoning ──\nOkay/);
      expect(stderr).toContain("The connection to the model server was lost mid-answer.");
      expect(stderr).toMatch(/^TTFT \d+ ms · reasoning \d+ ms · answer – · – tokens · – tokens\/s$/m);
    } finally {
      await failing.close();
    }
  });

  it("exits with status 2 and names the flag on a bad command line", async ({ expect }) => {
    const { code, stdout, stderr } = await runScript("chat", ["--temperature", "hot", "Hi"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("chat: --temperature: must be a number\nRun with --help to list the flags.\n");
  });

  it("exits with status 1 and says why when the server cannot be reached", async ({ expect }) => {
    const port = await closedPort();
    const { code, stderr } = await runScript("chat", ["--url", `http://127.0.0.1:${port}/v1`, "Hi"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `chat: Cannot reach http://127.0.0.1:${port}/v1/models: connection refused (is vLLM running?).\n`,
    );
  });
});
