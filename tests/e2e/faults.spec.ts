import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { type AppServer, startAppServer } from "./app-server";
import { OWN_APP_PORT, OWN_SIM_PORT } from "./ports";

/**
 * Each fault the simulator can inject, seen from the browser: a specific message in the page, what
 * streamed kept and stored with its state, a working Retry, and a server that stays healthy. The app
 * server here is our own, pointed at a simulator this spec restarts with a different fault each time.
 */
const API_KEY = "sk-e2e-secret-never-shown-0123456789";
const FIRST_TOKEN_TIMEOUT_MS = 2_500;
const IDLE_TIMEOUT_MS = 1_500;

let app: AppServer;
let sim: SimServer | undefined;

async function restartSim(defaultFault?: string): Promise<SimServer> {
  await sim?.close();
  sim = await startSimServer({
    port: OWN_SIM_PORT,
    apiKey: API_KEY,
    ttftMs: 50,
    itlMs: 8,
    ...(defaultFault ? { defaultFault } : {}),
  });
  return sim;
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://127.0.0.1:${OWN_APP_PORT}` });

test.beforeAll(async () => {
  await restartSim();
  app = await startAppServer(OWN_APP_PORT, {
    VLLM_BASE_URL: `http://127.0.0.1:${OWN_SIM_PORT}/v1`,
    VLLM_API_KEY: API_KEY,
    UPSTREAM_FIRST_TOKEN_TIMEOUT_MS: String(FIRST_TOKEN_TIMEOUT_MS),
    UPSTREAM_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
  });
});
test.afterAll(async () => {
  await app?.stop();
  await sim?.close();
});

async function ask(page: Page, question: string): Promise<void> {
  await page.goto("/");
  await page.getByTestId("composer-input").fill(question);
  await page.getByTestId("composer-input").press("Enter");
}

interface StoredAnswer {
  role: string;
  metadata?: { state?: string; error?: string | null };
  parts: { type: string; text?: string }[];
}

async function storedMessages(page: Page): Promise<StoredAnswer[]> {
  const id = new URL(page.url()).pathname.split("/").at(-1);
  const response = await page.request.get(`/api/conversations/${id}`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { messages: StoredAnswer[] };
  return body.messages;
}

const partText = (message: StoredAnswer | undefined, type: string) =>
  (message?.parts ?? [])
    .filter((part) => part.type === type)
    .map((part) => part.text ?? "")
    .join("");

/** Retry on a healthy upstream must give a complete answer, and the server must be back at rest. */
async function retryAndExpectHealthy(page: Page): Promise<void> {
  await restartSim();
  await page.getByTestId("retry").click();
  await expect(page.getByTestId("chat-error")).toHaveCount(0);
  await expect(page.getByTestId("answer")).toContainText(/\S/, { timeout: 30_000 });
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await storedMessages(page)).at(-1)?.metadata?.state).toBe("complete");
  await expectServerAtRest(page);
}

async function expectServerAtRest(page: Page): Promise<void> {
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(((await health.json()) as { upstream: { healthy: boolean } }).upstream.healthy).toBe(true);
  await expect.poll(() => sim?.load()).toEqual({ running: 0, waiting: 0 });
  expectNoSecretIn(await page.content());
  expectNoSecretIn(JSON.stringify(await storedMessages(page)));
}

function expectNoSecretIn(text: string): void {
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(`:${OWN_SIM_PORT}`);
}

/** A fault mid-answer: what arrived stays in the page and in storage, marked as an error with its reason. */
async function expectPartialAnswerKept(page: Page, message: RegExp): Promise<void> {
  await expect(page.getByTestId("chat-error")).toContainText(message, { timeout: 30_000 });
  const [question, answer] = await storedMessages(page);
  expect(question?.role).toBe("user");
  expect(answer?.metadata?.state).toBe("error");
  expect(answer?.metadata?.error).toMatch(message);
  expect(partText(answer, "reasoning").length).toBeGreaterThan(0);
  await expect(page.getByTestId("message-assistant")).toHaveCount(1);
  // Opened again (another tab, so this one keeps its Retry), the conversation shows the stored ending.
  const reopened = await page.context().newPage();
  await reopened.goto(page.url());
  await expect(reopened.getByTestId("message-error")).toContainText(message);
  await expect(reopened.getByTestId("message-user")).toHaveText("What is 12 + 30?");
  await expect(reopened.getByTestId("reasoning")).toHaveCount(1);
  await reopened.close();
}

test("model server down before streaming: a clear message, the question kept, Retry works", async ({
  page,
}) => {
  await sim?.close();
  sim = undefined;
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("chat-error")).toContainText(
    "Cannot reach the model server: connection refused (is vLLM running?).",
  );
  expectNoSecretIn(await page.content());
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(503);
  expectNoSecretIn(await health.text());
  // The served model was looked up at start-up, so the refusal comes with the answer's own request: the
  // question is kept, and the answer is stored as that error, with nothing streamed.
  const [question, answer, ...rest] = await storedMessages(page);
  expect(question?.role).toBe("user");
  expect(answer?.metadata?.state).toBe("error");
  expect(answer?.metadata?.error).toMatch(/Cannot reach the model server/);
  expect(partText(answer, "text") + partText(answer, "reasoning")).toBe("");
  expect(rest).toEqual([]);
  await retryAndExpectHealthy(page);
});

for (const [fault, message] of [
  ["refuse:503", "The model server is overloaded (HTTP 503). Please try again in a moment."],
  ["refuse:500", "The model server failed before answering (HTTP 500). Please try again."],
  ["refuse:400", "The model server rejected the request (HTTP 400)"],
] as const) {
  test(`model server answers ${fault.slice(7)} before streaming: its message, Retry works`, async ({
    page,
  }) => {
    await restartSim(fault);
    await ask(page, "What is 12 + 30?");
    await expect(page.getByTestId("chat-error")).toContainText(message);
    await expect.poll(async () => (await storedMessages(page)).at(-1)?.metadata?.state).toBe("error");
    await retryAndExpectHealthy(page);
  });
}

test("an error event mid-answer: the message, the partial answer kept and stored, Retry works", async ({
  page,
}) => {
  await restartSim("error-after:30");
  await ask(page, "What is 12 + 30?");
  await expectPartialAnswerKept(page, /^The model server reported an error mid-answer/);
  await retryAndExpectHealthy(page);
});

test("the connection cut mid-answer: the message, the partial answer kept and stored, Retry works", async ({
  page,
}) => {
  await restartSim("cut-after:30");
  await ask(page, "What is 12 + 30?");
  await expectPartialAnswerKept(page, /^The connection to the model server was lost mid-answer/);
  await retryAndExpectHealthy(page);
});

test("a stall mid-answer past the idle timeout: its message, the partial answer kept, Retry works", async ({
  page,
}) => {
  await restartSim("stall:60000@30");
  await ask(page, "What is 12 + 30?");
  await expectPartialAnswerKept(page, /^The model server sent nothing for 1\.5 s mid-answer/);
  // The timeout aborted the upstream request: the stalled generation no longer runs.
  await expect.poll(() => sim?.load().running).toBe(0);
  await retryAndExpectHealthy(page);
});

test("a first token slower than its timeout (a long queue): its message, Retry works", async ({ page }) => {
  await restartSim("slow-first-token:20000");
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("chat-error")).toContainText(
    "The model server did not start answering within 2.5 s; it may be busy with other requests.",
    { timeout: 30_000 },
  );
  await expect.poll(async () => (await storedMessages(page)).at(-1)?.metadata?.state).toBe("error");
  await retryAndExpectHealthy(page);
});

test("a slow first token within its timeout: the page waits for the model, then answers", async ({
  page,
}) => {
  await restartSim("slow-first-token:1200");
  await ask(page, "What is 12 + 30?");
  await expect(page.getByText("Waiting for the model…")).toHaveCount(1);
  await expect(page.getByTestId("answer")).toContainText(/\S/, { timeout: 30_000 });
  await expect(page.getByTestId("chat-error")).toHaveCount(0);
  await expectServerAtRest(page);
});

test("the model server restarted between two questions: the second is answered as usual", async ({
  page,
}) => {
  await restartSim();
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  await restartSim();
  await page.getByTestId("composer-input").fill("And 2 + 2?");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("message-assistant")).toHaveCount(2);
  await expect(page.getByTestId("message-assistant").nth(1).getByTestId("answer")).toContainText(/\S/, {
    timeout: 30_000,
  });
  await expect(page.getByTestId("chat-error")).toHaveCount(0);
  await expectServerAtRest(page);
});

test("no connection to the model server is left open after a timed-out stream", async ({ page }) => {
  // The simulator would hold this stream for a minute: only the app closing its end frees the connection.
  await restartSim("stall:60000@30");
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("chat-error")).toContainText(/^The model server sent nothing for/, {
    timeout: 30_000,
  });
  // Idle keep-alive connections close within a few seconds; a leaked stream would stay established.
  await expect.poll(() => establishedConnectionsTo(OWN_SIM_PORT), { timeout: 15_000 }).toBe(0);
  expect(sim?.load()).toEqual({ running: 0, waiting: 0 });
});

/** Established TCP connections to a loopback port, from /proc (IPv4 and IPv6). */
function establishedConnectionsTo(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  let count = 0;
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // Columns: sl, local_address, rem_address, st (01 = ESTABLISHED).
      if (fields[3] === "01" && fields[1]?.endsWith(`:${hexPort}`)) count++;
    }
  }
  return count;
}
