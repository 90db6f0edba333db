import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SimServer } from "@/lib/vllm-sim";
import { Browser, loadRoutes } from "@/tests/support/routes";
import { readUiChunks, userMessage, waitFor } from "@/tests/support/ui-stream";

let sim: SimServer;
let POST: (request: Request) => Promise<Response>;

beforeAll(async () => {
  Object.assign(process.env, {
    RATE_LIMIT_OWNER_PER_MINUTE: "6",
    RATE_LIMIT_IP_PER_MINUTE: "100",
    MAX_STREAMS_PER_OWNER: "1",
    MAX_CONVERSATION_MESSAGES: "4",
  });
  const routes = await loadRoutes({ itlMs: 2 });
  sim = routes.sim;
  POST = routes.chat.POST;
});
afterAll(async () => {
  await sim.close();
});

const ask = (browser: Browser, id: string, text = "What is 2 + 2?") =>
  POST(
    browser.request("/api/chat", {
      method: "POST",
      json: { id, trigger: "submit-message", message: userMessage(text) },
      headers: { "x-forwarded-for": "192.0.2.7" },
    }),
  ).then((response) => browser.remember(response));

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details?: unknown } }).error;
}

async function promptTokensTotal(): Promise<number> {
  const text = await (await fetch(`${sim.url}/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith("vllm:prompt_tokens_total"));
  return Number(line?.split(" ").at(-1));
}

describe("limits on POST /api/chat", () => {
  it("a second answer while one is being written gets 429 with Retry-After; once it ends, a new one starts", async () => {
    const browser = new Browser();
    const first = await ask(browser, "limits-conv-a");
    expect(first.status).toBe(200);

    const second = await ask(browser, "limits-conv-b");
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("5");
    expect(await errorOf(second)).toEqual({
      code: "rate_limited",
      message:
        "You already have 1 answers being written, the most at once. Wait for one to finish or stop it.",
      details: { limit: "owner_streams", retryAfterSeconds: 5 },
    });

    await readUiChunks(first);
    await waitFor(() => sim.load().running === 0);
    // The slot is given back when the answer ends (not when the response is read), hence the retries.
    let third = await ask(browser, "limits-conv-b");
    for (let attempt = 0; third.status === 429 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      third = await ask(browser, "limits-conv-b");
    }
    expect(third.status).toBe(200);
    await readUiChunks(third);
  });

  it("too many questions in a minute get 429 with the wait in Retry-After", async () => {
    const browser = new Browser();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const response = await ask(browser, `rate-conv-${i}`);
      statuses.push(response.status);
      if (response.status === 200) await readUiChunks(response);
      else {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
        expect((await errorOf(response)).message).toMatch(/^You have asked 6 questions in the last minute/);
      }
      await waitFor(() => sim.load().running === 0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it("a conversation past its message limit is refused before the model server is called", async () => {
    // A fresh owner and no address: the previous test used up its owner's and its address's minute.
    const browser = new Browser();
    const askHere = (text: string) =>
      POST(
        browser.request("/api/chat", {
          method: "POST",
          json: { id: "long-conversation", trigger: "submit-message", message: userMessage(text) },
        }),
      ).then((response) => browser.remember(response));
    for (const text of ["One?", "Two?"]) {
      const response = await askHere(text);
      expect(response.status).toBe(200);
      await readUiChunks(response);
      await waitFor(() => sim.load().running === 0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const promptTokensBefore = await promptTokensTotal();
    expect(promptTokensBefore).toBeGreaterThan(0);
    const refused = await askHere("Three?");
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({
      code: "context_too_long",
      message:
        "This conversation has reached 4 messages, the most allowed. Start a new conversation to go on.",
    });
    expect(await promptTokensTotal()).toBe(promptTokensBefore);
  });
});
