import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DoctorReport } from "@/lib/doctor";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { QUICK_SIM } from "./helpers";

const SCRIPT = fileURLToPath(new URL("../../../scripts/doctor.ts", import.meta.url));

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run doctor` does, with stdout piped (not a TTY). */
function doctor(args: string[]): Promise<Outcome> {
  const child = spawn(process.execPath, ["--import", "tsx", SCRIPT, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run doctor", () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSimServer({ ...QUICK_SIM, apiKey: "sesame" });
  });
  afterAll(() => sim.close());

  it("prints the report as JSON and exits 0 when nothing failed", async () => {
    const { code, stdout } = await doctor([
      "--url",
      `${sim.url}/v1`,
      "--api-key",
      "sesame",
      "--burst",
      "2",
      "--json",
    ]);
    const report = JSON.parse(stdout) as DoctorReport;
    expect(report.passed).toBe(true);
    expect(report.findings.find((f) => f.id === "reasoning-parser")?.status).toBe("ok");
    expect(code).toBe(0);
  });

  it("prints aligned text without colour when stdout is not a terminal, and exits 1 on a failure", async () => {
    const { code, stdout } = await doctor(["--url", `${sim.url}/v1`, "--api-key", "wrong"]);
    expect(stdout).toContain("✗ auth");
    expect(stdout).toMatch(/^✓ reachable +Server reachable$/m);
    expect(stdout).not.toContain("\u001b[");
    expect(code).toBe(1);
  });

  // Independent child processes, so they may start together.
  it.concurrent.for([
    [[], "--url is required"],
    [["--url", "localhost:8000"], "--url must be an http(s) URL"],
    [["--url", "http://h/v1", "--burst", "0"], "--burst must be at least 1"],
    [["--url", "http://h/v1", "--timeout", "soon"], "--timeout must be a number"],
    [["--url", "http://h/v1", "--verbose"], "Unknown option '--verbose'"],
  ] as [string[], string][])(
    "exits 2 with a message on bad usage: %j",
    async ([args, message], { expect }) => {
      const { code, stderr, stdout } = await doctor(args);
      expect(stderr).toContain(message);
      expect(stderr).toContain("--help");
      expect(stdout).toBe("");
      expect(code).toBe(2);
    },
  );
});
