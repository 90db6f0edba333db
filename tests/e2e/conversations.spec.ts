import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type AppServer, startAppServer } from "./app-server";
import { OWN_APP_PORT, OWN_SIM_PORT } from "./ports";

async function ask(page: Page, question: string) {
  await page.getByTestId("composer-input").fill(question);
  await page.getByTestId("composer-input").press("Enter");
}

async function waitForAnswerToFinish(page: Page) {
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
}

function conversationId(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/c\/([\w-]+)$/);
  if (!match?.[1]) throw new Error(`not on a conversation page: ${page.url()}`);
  return match[1];
}

test("a conversation gets its own address, a title from the question, and survives a reload", async ({
  page,
}) => {
  await page.goto("/");
  await ask(page, "What is 12 + 30?");
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  // Named at once, while the first answer is still being written.
  await expect(page.getByTestId("chat-title")).toHaveText("What is 12 + 30?");
  await expect(page.getByTestId("conversation-item").first()).toHaveText(/What is 12 \+ 30\?/);
  await expect(page.getByTestId("stop")).toBeVisible();
  await waitForAnswerToFinish(page);
  await expect(page.getByTestId("conversation-item")).toHaveCount(1);
  await expect(page.getByTestId("conversation-item").first()).toHaveText(/What is 12 \+ 30\?/);

  await page.reload();
  await expect(page.getByTestId("message-user")).toHaveText("What is 12 + 30?");
  await expect(page.getByTestId("answer").locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("reasoning-duration")).toBeVisible();

  // The server's HTML already holds the conversation, its typeset maths and the composer: the page is
  // readable before the chat engine's JavaScript arrives.
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain("What is 12 + 30?");
  expect(html).toContain('class="katex"');
  expect(html).toContain('data-testid="composer-input"');
});

test("the sidebar's links are not prefetched: opening the page asks the server for no other page", async ({
  page,
}) => {
  await page.goto("/");
  await ask(page, "What is 12 + 30?");
  await waitForAnswerToFinish(page);
  await page.getByTestId("new-chat").first().click();
  await ask(page, "What is 2 + 2?");
  await waitForAnswerToFinish(page);

  const pageRequests: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (/^\/(c\/|shares|status)/.test(path)) pageRequests.push(path);
  });
  await page.goto("/");
  await expect(page.getByTestId("conversation-item")).toHaveCount(2);
  // Prefetches go out once the links are on screen and the browser is idle; give them time to.
  await page.waitForTimeout(1500);
  expect(pageRequests).toEqual([]);

  // Opening one still works, fetched when asked for.
  await page
    .getByTestId("conversation-item")
    .filter({ hasText: "What is 12 + 30?" })
    .getByRole("link")
    .click();
  await expect(page.getByTestId("message-user")).toHaveText("What is 12 + 30?");
});

test("another browser cannot open someone else's conversation", async ({ page, browser }) => {
  await page.goto("/");
  await ask(page, "A private question: what is 7 * 6?");
  await waitForAnswerToFinish(page);
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  const response = await strangerPage.goto(page.url());
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByTestId("conversation-item")).toHaveCount(0);
  // Told as a missing conversation would be, with the way to a chat of one's own.
  await expect(strangerPage.getByRole("heading", { level: 1 })).toHaveText("There is no conversation here");
  await expect(strangerPage.locator("body")).not.toContainText("7 * 6");
  await strangerPage.getByTestId("not-found-home").click();
  await expect(strangerPage.getByTestId("composer-input")).toBeVisible();
  await stranger.close();
});

test("a page that does not exist says so in the reader's language, in the app's look", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "zh-CN", colorScheme: "dark" });
  const page = await context.newPage();
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
  await expect(page.getByTestId("not-found-home")).toHaveAttribute("href", "/");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
  await context.close();
});

test("editing a question replaces it and the answers after it; regenerate replaces the answer", async ({
  page,
}) => {
  await page.goto("/");
  await ask(page, "What is 2 + 2?");
  await waitForAnswerToFinish(page);
  await ask(page, "And what is 3 + 3?");
  await waitForAnswerToFinish(page);
  await expect(page.getByTestId("message-user")).toHaveCount(2);

  await page.getByTestId("message-user").first().hover();
  await page.getByTestId("edit-message").first().click();
  await page.getByTestId("edit-input").fill("What is 5 + 5?");
  await page.getByTestId("edit-save").click();
  await waitForAnswerToFinish(page);
  await expect(page.getByTestId("message-user")).toHaveText(["What is 5 + 5?"]);
  await expect(page.getByTestId("message-assistant")).toHaveCount(1);

  const id = conversationId(page);
  const answerId = async () =>
    ((await (await page.request.get(`/api/conversations/${id}`)).json()) as { messages: { id: string }[] })
      .messages[1]?.id;
  const before = await answerId();
  await page.getByTestId("regenerate").click();
  await waitForAnswerToFinish(page);
  await expect(page.getByTestId("message-assistant")).toHaveCount(1);
  await expect.poll(answerId).not.toBe(before);
});

test("the sidebar renames and deletes conversations; the shortcut opens a new chat", async ({ page }) => {
  await page.goto("/");
  await ask(page, "Name a prime number");
  await waitForAnswerToFinish(page);
  const item = page.getByTestId("conversation-item").filter({ hasText: "Name a prime number" });
  await item.hover();
  // Icons are drawn, not emoji: a system without an emoji font would show empty boxes.
  for (const action of ["share-conversation", "rename-conversation", "delete-conversation"]) {
    await expect(item.getByTestId(action).locator("svg")).toBeVisible();
    expect(await item.getByTestId(action).textContent()).toBe("");
  }
  await item.getByTestId("rename-conversation").click();
  await page.getByTestId("rename-input").fill("Primes");
  await page.getByTestId("rename-input").press("Enter");
  await expect(page.getByTestId("conversation-item").filter({ hasText: "Primes" })).toHaveCount(1);
  await expect(page.getByTestId("chat-title")).toHaveText("Primes");

  await page.keyboard.press("Control+Shift+O");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("message-user")).toHaveCount(0);

  page.once("dialog", (dialog) => void dialog.accept());
  const renamed = page.getByTestId("conversation-item").filter({ hasText: "Primes" });
  await renamed.hover();
  await renamed.getByTestId("delete-conversation").click();
  await expect(page.getByTestId("conversation-item").filter({ hasText: "Primes" })).toHaveCount(0);
});

test("on a phone the conversation list is a drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await expect(page.getByTestId("sidebar")).toBeHidden();
  await page.getByTestId("open-sidebar").click();
  await expect(page.getByTestId("sidebar")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("sidebar")).toBeHidden();
});

test("on a phone the header's controls fit side by side, and the persona panel stays on screen", async ({
  page,
}) => {
  const width = 360;
  await page.setViewportSize({ width, height: 740 });
  await page.goto("/");
  await ask(page, "Name a prime number");
  await waitForAnswerToFinish(page);

  const controls = ["share-button", "persona-settings", "model-badge", "latency-toggle", "settings-button"];
  const boxes = [];
  for (const testId of controls) {
    const box = await page.getByTestId(testId).boundingBox();
    if (!box) throw new Error(`${testId} is not shown`);
    boxes.push(box);
  }
  for (const [index, box] of boxes.entries()) {
    expect(box.height, `${controls[index]} is on one line`).toBeLessThan(40);
    const next = boxes[index + 1];
    if (next)
      expect(next.x, `${controls[index + 1]} starts after ${controls[index]}`).toBeGreaterThanOrEqual(
        box.x + box.width,
      );
  }
  expect((boxes.at(-1)?.x ?? 0) + (boxes.at(-1)?.width ?? 0)).toBeLessThanOrEqual(width);

  await page.getByTestId("persona-settings").locator("summary").click();
  const panel = await page.getByTestId("persona-input").boundingBox();
  expect(panel?.x).toBeGreaterThanOrEqual(0);
  expect((panel?.x ?? 0) + (panel?.width ?? 0)).toBeLessThanOrEqual(width);
});

/**
 * Tabs that join an answer mid-stream, on an app server of their own whose simulator writes at 40 ms a
 * token (a modest GPU): the shared server's fast answers can end before a second tab has loaded.
 */
test.describe("answers followed mid-stream", () => {
  let app: AppServer;
  test.use({ baseURL: `http://127.0.0.1:${OWN_APP_PORT}` });
  test.beforeAll(async () => {
    app = await startAppServer(OWN_APP_PORT, {
      VLLM_BASE_URL: "",
      SIM_PORT: String(OWN_SIM_PORT),
      SIM_ITL_MS: "40",
    });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("reloading mid-stream catches up and follows the rest of the answer live", async ({ page }) => {
    await page.goto("/");
    await ask(page, "Explain why the sky is blue, in detail.");
    const reasoning = page.getByTestId("message-assistant").getByTestId("reasoning");
    await expect(reasoning).toContainText(/\w{3,} \w{3,}/);
    await expect(page).toHaveURL(/\/c\//);

    await page.reload();
    // The answer goes on streaming after the reload, then completes.
    await expect(page.getByTestId("stop")).toBeVisible();
    await waitForAnswerToFinish(page);
    await expect(page.getByTestId("message-assistant")).toHaveCount(1);
    await expect(page.getByTestId("answer")).toContainText(/\S/);
    const stored = await page.request.get(`/api/conversations/${conversationId(page)}`);
    const { messages } = (await stored.json()) as { messages: { metadata?: { state?: string } }[] };
    expect(messages.at(-1)?.metadata?.state).toBe("complete");
  });

  /** Asks in `page`, then opens the conversation in a second tab while the answer streams. */
  async function secondTabMidStream(page: Page, context: BrowserContext, question: string): Promise<Page> {
    await page.goto("/");
    await ask(page, question);
    await expect(page.getByTestId("message-assistant").getByTestId("reasoning")).toContainText(/\w{3,}/);
    await expect(page).toHaveURL(/\/c\//);
    const second = await context.newPage();
    await second.goto(page.url());
    await expect(second.getByTestId("stop")).toBeVisible();
    return second;
  }

  test("a second tab opened mid-stream follows the same answer", async ({ page, context }) => {
    const second = await secondTabMidStream(page, context, "Explain the Pythagorean theorem.");
    await waitForAnswerToFinish(second);
    await waitForAnswerToFinish(page);
    const answerIn = (tab: Page) => tab.getByTestId("answer").innerText();
    expect(await answerIn(second)).toBe(await answerIn(page));
    await expect(second.getByTestId("answer").locator(".fbox")).toHaveCount(1);
  });

  test("Stop in one tab stops the answer in a second tab that follows it, and both say so", async ({
    page,
    context,
  }) => {
    const second = await secondTabMidStream(page, context, "Explain why the sky is blue, in detail.");
    await page.getByTestId("stop").click();
    for (const tab of [page, second]) {
      await expect(tab.getByTestId("send")).toBeVisible();
      await expect(tab.getByTestId("message-ending")).toHaveText("Stopped");
    }
  });
});
