import { expect, test } from "@playwright/test";

test("the interface follows the browser's language and can be switched", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "zh-CN",
    extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByTestId("composer-input")).toHaveAttribute("placeholder", "输入你的问题…");

  await page.getByTestId("settings-button").click();
  await page.locator("label", { hasText: "English" }).click();
  await expect(page.getByTestId("composer-input")).toHaveAttribute("placeholder", "Ask a question…");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("the theme follows the system and can be switched, without a flash on reload", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);

  await page.getByTestId("settings-button").click();
  await page.locator("label", { hasText: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("settings-dialog")).toBeHidden();

  // The saved choice applies before the first paint, so the server HTML is already light.
  await page.reload({ waitUntil: "commit" });
  await page.waitForSelector("html");
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(false);
  await context.close();
});

test("copy buttons copy the answer and the final boxed value; shortcuts focus and stop", async ({
  browser,
}) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByTestId("composer-input").fill("What is 12 + 30?");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  await page.getByTestId("copy-boxed").click();
  await expect(page.getByTestId("copy-boxed")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("42");
  await page.getByTestId("copy-answer").click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("\\boxed{42}");
  expect(markdown).not.toContain("</think>");

  await page.locator("body").click();
  await page.keyboard.press("Shift+Escape");
  await expect(page.getByTestId("composer-input")).toBeFocused();
  await page.getByTestId("composer-input").fill("Explain why the sky is blue.");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("stop")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("send")).toBeVisible();
  await context.close();
});
