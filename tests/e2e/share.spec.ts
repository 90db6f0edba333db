import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

const TOKEN_URL = /\/s\/[A-Za-z0-9_-]{24}$/;

async function askAndWait(page: Page, question: string) {
  await page.goto("/");
  await page.getByTestId("composer-input").fill(question);
  await page.getByTestId("composer-input").press("Enter");
  await expect(page).toHaveURL(/\/c\/[\w-]+$/);
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
}

/** A conversation and its share, made through the API by an owner of its own. */
async function sharedConversation(request: APIRequestContext, question: string): Promise<string> {
  const id = `e2e-share-${Date.now()}`;
  const chat = await request.post("/api/chat", {
    data: {
      id,
      trigger: "submit-message",
      message: { id: `${id}-q`, role: "user", parts: [{ type: "text", text: question }] },
    },
  });
  expect(chat.status()).toBe(200);
  await chat.body(); // the whole answer stream
  for (let attempt = 0; attempt < 50; attempt++) {
    const stored = (await (await request.get(`/api/conversations/${id}`)).json()) as {
      messages: { metadata?: { state?: string } }[];
    };
    if (stored.messages.at(-1)?.metadata?.state === "complete") break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const share = await request.post(`/api/conversations/${id}/share`, { data: {} });
  expect(share.status()).toBe(201);
  return ((await share.json()) as { path: string }).path;
}

test("the owner shares a conversation, copies the link, and revokes it", async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await askAndWait(page, "What is the integral of x^2 from 0 to 1?");
  const failedRequests: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });

  const item = page.getByTestId("conversation-item").first();
  await item.hover();
  await item.getByTestId("share-conversation").click();
  const dialog = page.getByTestId("share-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("share-create")).toBeEnabled();
  // Asking whether a conversation is shared yet is not an error the browser logs.
  expect(failedRequests).toEqual([]);
  await dialog.getByTestId("share-create").click();
  const url = dialog.getByTestId("share-url");
  await expect(url).toHaveValue(TOKEN_URL);
  const link = await url.inputValue();

  await dialog.getByTestId("share-copy").click();
  await expect(dialog.getByTestId("share-copy")).toHaveText("Link copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // Someone else, with no cookie at all, reads it.
  const stranger = await browser.newContext();
  const reader = await stranger.newPage();
  const response = await reader.goto(link);
  expect(response?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(
    "What is the integral of x^2 from 0 to 1?",
  );
  await expect(reader.locator(".katex").first()).toBeVisible();

  // The owner's list of links has it too.
  const list = await context.newPage();
  await list.goto("/shares");
  await expect(list.getByTestId("share-item")).toHaveCount(1);
  await expect(list.getByTestId("share-item").getByRole("link").first()).toHaveAttribute(
    "href",
    new URL(link).pathname,
  );
  // On a phone the title keeps its row; the actions go under it.
  await list.setViewportSize({ width: 360, height: 740 });
  const title = await list.getByTestId("share-item").getByRole("link").first().boundingBox();
  const revoke = await list.getByTestId("share-item-revoke").boundingBox();
  expect(title?.width).toBeGreaterThan(250);
  expect(revoke?.y).toBeGreaterThanOrEqual((title?.y ?? 0) + (title?.height ?? 0));
  await list.close();

  page.once("dialog", (confirm) => void confirm.accept());
  await dialog.getByTestId("share-revoke").click();
  await expect(dialog.getByTestId("share-status")).toHaveText("Link revoked");
  await expect(dialog.getByTestId("share-create")).toBeVisible();
  expect((await reader.goto(link))?.status()).toBe(404);
  await stranger.close();

  // The chat header opens the same dialog.
  await dialog.getByTestId("share-close").click();
  await expect(dialog).toBeHidden();
  await page.getByTestId("share-button").click();
  await expect(page.getByTestId("share-dialog").getByTestId("share-create")).toBeVisible();
});

test("share pages are not indexed, leak no referrer and cannot be framed", async ({ request }) => {
  const path = await sharedConversation(request, "Headers question");
  for (const target of [path, "/s/AAAAAAAAAAAAAAAAAAAAAAAA"]) {
    const response = await request.get(target);
    expect(response.status()).toBe(target === path ? 200 : 404);
    const headers = response.headers();
    expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await response.text()).toContain('<meta name="robots" content="noindex, nofollow">');
  }
});

test.describe("with JavaScript disabled", () => {
  test.use({ javaScriptEnabled: false });

  test("a shared page shows rendered maths and expandable reasoning, and continues into a private copy", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const owner = await playwright.request.newContext({ baseURL });
    const path = await sharedConversation(owner, "Compute the integral of x^2 from 0 to 1.");
    await owner.dispose();

    await page.goto(path);
    await expect(page.locator(".katex").first()).toBeVisible();
    expect(await page.locator("script").count()).toBe(0);

    const reasoning = page.locator("details.reasoning").first();
    await expect(reasoning.locator(".markdown-body")).toBeHidden();
    await reasoning.locator("summary").click();
    await expect(reasoning.locator(".markdown-body")).toBeVisible();

    await page.getByRole("button", { name: "Continue this conversation" }).click();
    await expect(page).toHaveURL(/\/c\/[\w-]+$/);
    await expect(page.getByTestId("message-user")).toHaveText("Compute the integral of x^2 from 0 to 1.");
  });
});
