import { join } from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { type AppServer, startAppServer } from "./app-server";
import { OWN_APP_PORT, OWN_SIM_PORT } from "./ports";

/**
 * The app process killed with SIGKILL mid-answer (no shutdown code runs): after a restart on the same
 * data directory, the question and the part of the answer flushed while streaming are there, marked
 * interrupted.
 */
let sim: SimServer;
let app: AppServer | undefined;

test.use({ baseURL: `http://127.0.0.1:${OWN_APP_PORT}` });

test.beforeAll(async () => {
  // Slow enough that the answer is still streaming several flushes (one a second) in.
  sim = await startSimServer({ port: OWN_SIM_PORT, ttftMs: 50, itlMs: 40, reasoningTokens: 400 });
});
test.afterAll(async () => {
  await app?.stop();
  await sim.close();
});

interface StoredMessage {
  role: string;
  metadata?: { state?: string };
  parts: { type: string; text?: string }[];
}

const reasoningOf = (message: StoredMessage | undefined) =>
  (message?.parts ?? []).map((part) => (part.type === "reasoning" ? (part.text ?? "") : "")).join("");

test("SIGKILL mid-answer loses neither the question nor the partial answer", async ({ page }) => {
  const env = { VLLM_BASE_URL: `http://127.0.0.1:${OWN_SIM_PORT}/v1` };
  app = await startAppServer(OWN_APP_PORT, env);
  const { dataDir } = app;

  await page.goto("/");
  await page.getByTestId("composer-input").fill("Prove that there are infinitely many primes.");
  // The owner cookie comes with the chat response; reading the conversation before it would start a new owner.
  const chatResponse = page.waitForResponse((response) => response.url().endsWith("/api/chat"));
  await page.getByTestId("composer-input").press("Enter");
  expect((await chatResponse).status()).toBe(200);
  const conversation = `/api/conversations/${new URL(page.url()).pathname.split("/").at(-1)}`;

  // Wait for a batched flush of the streaming answer to reach storage.
  let flushed = "";
  await expect
    .poll(
      async () => {
        const { messages = [] } = (await (await page.request.get(conversation)).json()) as {
          messages?: StoredMessage[];
        };
        flushed = reasoningOf(messages[1]);
        return messages[1]?.metadata?.state === "streaming" && flushed.length > 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  expect(sim.load().running).toBe(1);

  await app.stop("SIGKILL");
  app = await startAppServer(OWN_APP_PORT, env, dataDir);

  await page.reload();
  await expect(page.getByTestId("message-user")).toHaveText("Prove that there are infinitely many primes.");
  await expect(page.getByTestId("message-ending")).toHaveText(
    "Interrupted: the server restarted while this answer was being written",
  );
  const { messages } = (await (await page.request.get(conversation)).json()) as { messages: StoredMessage[] };
  expect(messages.map((message) => [message.role, message.metadata?.state])).toEqual([
    ["user", undefined],
    ["assistant", "interrupted"],
  ]);
  expect(reasoningOf(messages[1]).startsWith(flushed)).toBe(true);

  // The database runs in WAL mode, which is what lets a killed writer leave it consistent.
  const db = new Database(join(dataDir, "r1-chat.sqlite"), { readonly: true });
  try {
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  } finally {
    db.close();
  }
});
