import { expect, type FrameLocator, type Page, test } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import { APP_ORIGIN, startHostPages } from "./host-pages";
import { DISALLOWED_HOST_PORT, EMBED_HOST_PORT } from "./ports";

const HOST = `http://localhost:${EMBED_HOST_PORT}`;
const DISALLOWED_HOST = `http://localhost:${DISALLOWED_HOST_PORT}`;

/**
 * Playwright switches storage partitioning off (its default --disable-features list); browsers ship with it
 * on, and it is what gives the widget frame its own storage for each host site. A later --disable-features
 * replaces the default one, so this is Playwright's list without ThirdPartyStoragePartitioning.
 */
const PLAYWRIGHT_DISABLED_FEATURES_EXCEPT_PARTITIONING = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
];
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES_EXCEPT_PARTITIONING.join(",")}`,
    ],
  },
});

let stopHostPages: () => Promise<void>;
test.beforeAll(async () => {
  stopHostPages = await startHostPages([EMBED_HOST_PORT, DISALLOWED_HOST_PORT]);
});
test.afterAll(() => stopHostPages());

const launcher = (page: Page) => page.locator("div > button[aria-expanded]");
const widgetFrame = (page: Page) => page.locator(`iframe[src^="${APP_ORIGIN}/embed"]`);
const widget = (page: Page): FrameLocator => page.frameLocator(`iframe[src^="${APP_ORIGIN}/embed"]`);

/** The element focused in the host page, looking into the launcher's shadow root. */
function focusedInHost(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.shadowRoot?.activeElement?.tagName ?? active?.tagName;
  });
}

async function ask(frame: FrameLocator, question: string) {
  await frame.getByTestId("composer-input").fill(question);
  await frame.getByTestId("composer-input").press("Enter");
}

test("the widget on an allowed site: launcher, maths answer, reload, Escape, resize", async ({ page }) => {
  await page.goto(HOST);
  await expect(launcher(page)).toHaveAccessibleName("Open Maths help");
  await expect(widgetFrame(page)).toHaveCount(0);
  // Icons are drawn, not characters: a font without the character would show an empty box.
  await expect(launcher(page).locator("svg")).toBeVisible();
  expect(await launcher(page).textContent()).toBe("");

  await launcher(page).click();
  const frame = widget(page);
  await expect(frame.getByTestId("widget-greeting")).toHaveText("Hello! Ask me any maths question.");
  await expect(frame.getByTestId("composer-input")).toBeFocused();
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "true");

  // Typed inside the frame, as a visitor would, then streamed through the BFF.
  await frame.getByTestId("composer-input").pressSequentially("Solve x^2 - 5x + 6 = 0");
  await frame.getByTestId("composer-input").press("Enter");
  const answer = frame.getByTestId("message-assistant").getByTestId("answer");
  await expect(answer.locator(".katex").first()).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  // A bigger panel on request, by name only.
  await expect(frame.getByTestId("widget-resize").locator("svg")).toBeVisible();
  expect(await frame.getByTestId("widget-new-chat").textContent()).toBe("+New chat");
  expect(await frame.getByTestId("widget-resize").textContent()).toBe("Make the chat larger");
  const compact = await widgetFrame(page).boundingBox();
  await frame.getByTestId("widget-resize").click();
  await expect
    .poll(async () => (await widgetFrame(page).boundingBox())?.width)
    .toBeGreaterThan(compact?.width ?? 0);
  await frame.getByTestId("widget-resize").click();
  await expect.poll(async () => (await widgetFrame(page).boundingBox())?.width).toBe(compact?.width);

  // Escape pressed inside the frame closes the panel and gives focus back to the launcher.
  await frame.getByTestId("composer-input").press("Escape");
  await expect(widgetFrame(page)).toBeHidden();
  await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
  expect(await focusedInHost(page)).toBe("BUTTON");

  // The frame kept its identity in its own storage: a reload of the host page finds the conversation.
  await page.reload();
  await launcher(page).click();
  await expect(widget(page).getByTestId("message-user")).toHaveText("Solve x^2 - 5x + 6 = 0");
  await expect(widget(page).getByTestId("answer").locator(".katex").first()).toBeVisible();

  // A visitor shares the widget's conversation with the same links as the app, under the widget's identity.
  await widget(page).getByTestId("share-button").click();
  await widget(page).getByTestId("share-create").click();
  const sharedUrl = await widget(page).getByTestId("share-url").inputValue();
  expect(sharedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{22,}$/);
  const shared = await page.request.get(sharedUrl);
  expect(shared.status()).toBe(200);
  expect(await shared.text()).toContain("katex");
  await widget(page).getByTestId("share-dialog").press("Escape");

  // The full app opens a copy in a tab of its own, under the browser's own (first-party) identity.
  const [tab] = await Promise.all([
    page.context().waitForEvent("page"),
    widget(page).getByTestId("widget-open-full-size").click(),
  ]);
  await expect(tab).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/c\/[A-Za-z0-9_-]+$/);
  await expect(tab.getByTestId("message-user")).toHaveText("Solve x^2 - 5x + 6 = 0");
  await expect(tab.getByTestId("answer").locator(".katex").first()).toBeVisible();
});

test("an answer that finishes while the panel is closed shows an unread badge", async ({ page }) => {
  await page.goto(HOST);
  await launcher(page).click();
  const frame = widget(page);
  await frame.getByTestId("widget-new-chat").click();
  await ask(frame, "What is 12 + 30?");
  await frame.getByTestId("widget-close").click();
  await expect(widgetFrame(page)).toBeHidden();
  await expect(launcher(page)).toHaveAccessibleName("Open Maths help (1 unread)", { timeout: 30_000 });
  await launcher(page).click();
  await expect(launcher(page)).toHaveAccessibleName("Close the chat");
  await page.keyboard.press("Escape");
  await expect(launcher(page)).toHaveAccessibleName("Open Maths help");
});

test("messages from other windows and origins are ignored on both sides", async ({ page }) => {
  await page.goto(HOST);
  await launcher(page).click();
  const frame = widget(page);
  await expect(frame.getByTestId("composer-input")).toBeFocused();

  // A frame of another site in the host page posts well-formed close and unread messages to the host.
  await page.evaluate((src) => {
    const poster = document.createElement("iframe");
    poster.src = src;
    document.body.append(poster);
    return new Promise((resolve) => poster.addEventListener("load", resolve));
  }, `${DISALLOWED_HOST}/poster`);
  // The host page itself posting to its own window is not the widget either.
  await page.evaluate(() => window.postMessage({ ns: "r1chat", v: 1, type: "close" }, "*"));
  await page.waitForTimeout(300);
  await expect(widgetFrame(page)).toBeVisible();
  await expect(launcher(page)).toHaveAccessibleName("Close the chat");

  // The frame listens only to its parent: a theme message from another window of the same site is dropped.
  const isDark = () => frame.locator("html").evaluate((html) => html.classList.contains("dark"));
  await page.evaluate(() => {
    const widgetWindow = document.querySelector("div")?.shadowRoot?.querySelector("iframe")?.contentWindow;
    const other = document.createElement("iframe");
    document.body.append(other);
    const postFromOther = (
      other.contentWindow as unknown as { eval: (code: string) => (...args: unknown[]) => void }
    ).eval("(w, m) => w.postMessage(m, '*')");
    postFromOther(widgetWindow, { ns: "r1chat", v: 1, type: "theme", theme: "dark" });
  });
  await page.waitForTimeout(300);
  expect(await isDark()).toBe(false);
  // The same message from the host page through the loader is obeyed.
  await page.evaluate(() =>
    (window as unknown as { R1Chat: (command: string, value: string) => void }).R1Chat("theme", "dark"),
  );
  await expect.poll(isDark).toBe(true);
});

test("keyboard and IME input work inside the frame", async ({ page }) => {
  await page.goto(HOST);
  await launcher(page).click();
  const frame = widget(page);
  await frame.getByTestId("widget-new-chat").click();
  const input = frame.getByTestId("composer-input");
  await input.fill("你好");
  // Enter and Escape that confirm or cancel an IME candidate neither send nor close the panel.
  for (const key of ["Enter", "Escape"]) {
    await input.dispatchEvent("keydown", { key, code: key, keyCode: 229, isComposing: true, bubbles: true });
  }
  await page.waitForTimeout(200);
  await expect(widgetFrame(page)).toBeVisible();
  await expect(frame.getByTestId("message-user")).toHaveCount(0);
  await input.press("Shift+Enter");
  await input.pressSequentially("世界");
  await expect(input).toHaveValue("你好\n世界");
  await input.press("Enter");
  await expect(frame.getByTestId("message-user")).toHaveText("你好\n世界");
});

test("a queued init call renders an inline widget in the site's language", async ({ page }) => {
  await page.goto(`${HOST}/queued`);
  const frame = page.frameLocator("#chat-here iframe");
  await expect(frame.getByTestId("composer-input")).toBeVisible();
  await expect(frame.locator("h1")).toHaveText("Inline help");
  await expect(frame.getByTestId("send")).toHaveText("发送");
  await expect(frame.getByTestId("widget-close")).toHaveCount(0);
  await expect(launcher(page)).toHaveCount(0);
});

test("a site that is not allowed gets no widget and a console message saying why", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(DISALLOWED_HOST);
  await expect.poll(() => errors.join("\n")).toContain(`[R1Chat] ${DISALLOWED_HOST} may not embed this chat`);
  await expect(launcher(page)).toHaveCount(0);
  await expect(widgetFrame(page)).toHaveCount(0);
});

test("browsers refuse to frame /embed on a site that is not allowed, and the app anywhere", async ({
  page,
}) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("frame-ancestors")) refusals.push(message.text());
  });
  const embed = page.waitForResponse((response) => response.url().startsWith(`${APP_ORIGIN}/embed`));
  await page.goto(`${DISALLOWED_HOST}/frame-embed`);
  const headers = (await embed).headers();
  expect(headers["content-security-policy"]).toContain(`frame-ancestors ${HOST}`);
  expect(headers["x-frame-options"]).toBeUndefined();
  await expect.poll(() => refusals.length).toBe(1);
  await expect(page.frameLocator("iframe").getByTestId("composer-input")).toHaveCount(0);

  const app = page.waitForResponse(`${APP_ORIGIN}/`);
  await page.goto(`${HOST}/frame-app`);
  expect((await app).headers()["x-frame-options"]).toBe("DENY");
  await expect.poll(() => refusals.length).toBe(2);
  await expect(page.frameLocator("iframe").getByTestId("composer-input")).toHaveCount(0);
});

test.describe("on a small screen", () => {
  test.use({ viewport: { width: 390, height: 760 } });

  test("the panel fills the screen and has its own close button", async ({ page }) => {
    await page.goto(HOST);
    await launcher(page).click();
    await expect(widget(page).getByTestId("composer-input")).toBeFocused();
    expect(await widgetFrame(page).boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 760 });
    await widget(page).getByTestId("widget-close").click();
    await expect(widgetFrame(page)).toBeHidden();
    expect(await focusedInHost(page)).toBe("BUTTON");
  });
});
