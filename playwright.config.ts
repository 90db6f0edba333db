import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./tests/e2e/chromium";
import { EMBED_HOST_PORT, APP_PORT as PORT, SIM_PORT } from "./tests/e2e/ports";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  // Browser timing on two shared cores varies; a test must fail twice to fail, and one that passed only on
  // its retry is reported as flaky in the summary.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "reports/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // The production (standalone) server on the built-in simulator, slowed a little so a test can press
    // Stop mid-stream.
    command: "bash scripts/standalone.sh >/dev/null && exec node .next/standalone/server.js",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      VLLM_BASE_URL: "",
      DATABASE_URL: "",
      REDIS_URL: "",
      // Each run starts with empty storage.
      DATA_DIR: mkdtempSync(join(tmpdir(), "r1-chat-e2e-")),
      SIM_TTFT_MS: "150",
      SIM_ITL_MS: "12",
      SIM_PORT: String(SIM_PORT),
      EMBED_ALLOWED_ORIGINS: `http://localhost:${EMBED_HOST_PORT}`,
      // Every test's browser comes from 127.0.0.1: the per-address limit would count the whole suite as one client.
      RATE_LIMIT_IP_PER_MINUTE: "100000",
    },
  },
});
