import { expect, type Page, test } from "@playwright/test";
import { EMBED_HOST_PORT } from "./ports";

/** Every Content-Security-Policy report of the page, from the DOM event and from the console. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

function expectSecurityHeaders(
  response: { headers(): Record<string, string> } | null,
  frameAncestors: string,
) {
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain(`frame-ancestors ${frameAncestors}`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
});

test("the chat pages work under the Content-Security-Policy, with no violation", async ({ page }) => {
  const violations = watchViolations(page);

  const home = await page.goto("/");
  expectSecurityHeaders(home, "'none'");
  expect(home?.headers()["x-frame-options"]).toBe("DENY");
  // The inline theme script, which runs only if its nonce matches, applies this on the next page.
  await page.evaluate(() => localStorage.setItem("r1_settings", JSON.stringify({ theme: "dark" })));
  await page.getByTestId("composer-input").fill("What is 2 + 2?");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("answer").locator(".katex").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  const conversation = await page.goto(page.url());
  expect(page.url()).toMatch(/\/c\/[A-Za-z0-9_-]+$/);
  expectSecurityHeaders(conversation, "'none'");
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await expect(page.getByTestId("answer").locator(".katex").first()).toBeVisible();

  const status = await page.goto("/status");
  expectSecurityHeaders(status, "'none'");
  await expect(page.locator("h1")).toBeVisible();

  const embed = await page.goto(`/embed?origin=${encodeURIComponent(`http://localhost:${EMBED_HOST_PORT}`)}`);
  expectSecurityHeaders(embed, `http://localhost:${EMBED_HOST_PORT}`);
  expect(embed?.headers()["x-frame-options"]).toBeUndefined();
  await expect(page.getByTestId("composer-input")).toBeVisible();

  expect(violations).toEqual([]);
});

test("injected markup cannot run script: inline handlers are blocked", async ({ page }) => {
  const violations = watchViolations(page);
  await page.goto("/status");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      `<img src="/missing.png" onerror="window.injected = true">`,
    );
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test("the answer streams, which the proxy skips, carry the same headers as every other response", async ({
  request,
}) => {
  // The question's route, answered here with a refusal, and a following viewer's route.
  for (const response of [await request.get("/api/chat"), await request.get("/api/chat/not-a-chat/stream")]) {
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expectSecurityHeaders(response, "'none'");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
  }
});
