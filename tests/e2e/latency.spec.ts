import { expect, test } from "@playwright/test";

// The e2e server's simulator answers after 150 ms and then every 12 ms (playwright.config.ts).
const msOf = (text: string | null) => Number(text?.replace(/[^\d.]/g, ""));

test("the latency overlay shows live phases, TTFT on both clocks, gaps, chunking and upstream load", async ({
  page,
}) => {
  await page.goto("/");
  await page.keyboard.press("Control+Shift+L");
  const overlay = page.getByTestId("latency-overlay");
  await expect(overlay).toBeVisible();

  await page.getByTestId("composer-input").fill("Explain why the sky is blue.");
  await page.getByTestId("composer-input").press("Enter");
  await expect(overlay.getByTestId("upstream-running")).toHaveText("1");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  const bffTtft = msOf(await overlay.getByTestId("ttft-bff").textContent());
  const browserTtft = msOf(await overlay.getByTestId("ttft-browser").textContent());
  expect(bffTtft).toBeGreaterThanOrEqual(140);
  expect(bffTtft).toBeLessThan(400);
  expect(browserTtft).toBeGreaterThanOrEqual(bffTtft);
  // The browser's gaps include its own scheduling (chunks that land in one read show a 0 ms gap), so they
  // are checked loosely here; the BFF's reading of a known timing is checked exactly in the integration tests.
  const [p50, p95] = ((await overlay.getByTestId("itl-browser").textContent()) ?? "").split("/").map(msOf);
  expect(p50).toBeLessThanOrEqual(20);
  expect(p95).toBeGreaterThanOrEqual(8);
  await expect(overlay.getByTestId("chunking")).toHaveAttribute("data-verdict", "smooth");
  await expect(overlay.getByTestId("rate-thinking")).toHaveText(/^\d+/);

  // The figures of both clocks are stored with the answer: after a reload they are still there.
  const conversation = new URL(page.url()).pathname.split("/").at(-1);
  await expect
    .poll(async () => {
      const { messages } = (await (await page.request.get(`/api/conversations/${conversation}`)).json()) as {
        messages: { metadata?: { browserTiming?: unknown } }[];
      };
      return messages.at(-1)?.metadata?.browserTiming !== undefined;
    })
    .toBe(true);
  await page.reload();
  await page.getByTestId("show-timing").click();
  await expect(page.getByTestId("latency-overlay").getByTestId("ttft-bff")).toHaveText(`${bffTtft} ms`);
  await expect(page.getByTestId("latency-overlay").getByTestId("ttft-browser")).toHaveText(
    `${browserTtft} ms`,
  );
  await page.keyboard.press("Control+Shift+L");
  await expect(page.getByTestId("latency-overlay")).toBeHidden();
});

test("the header's panels open above the latency overlay", async ({ page }) => {
  // A short window, where the overlay reaches up to the header's settings.
  await page.setViewportSize({ width: 1280, height: 300 });
  await page.goto("/");
  await page.getByTestId("latency-toggle").click();
  const overlay = page.getByTestId("latency-overlay");
  await expect(overlay).toBeVisible();
  /** Whether, where the element and the overlay overlap, the element is what shows (and gets clicks). */
  const shownOverOverlay = async (testId: string) => {
    const panel = await page.getByTestId(testId).boundingBox();
    const below = await overlay.boundingBox();
    if (!panel || !below) throw new Error("not laid out");
    const left = Math.max(panel.x, below.x);
    const right = Math.min(panel.x + panel.width, below.x + below.width);
    const top = Math.max(panel.y, below.y);
    const bottom = Math.min(panel.y + panel.height, below.y + below.height);
    expect(right > left && bottom > top, `${testId} overlaps the overlay`).toBe(true);
    return page
      .getByTestId(testId)
      .evaluate((element, point) => element.contains(document.elementFromPoint(point.x, point.y)), {
        x: (left + right) / 2,
        y: (top + bottom) / 2,
      });
  };

  await page.getByTestId("settings-button").click();
  await expect(page.getByTestId("settings-dialog")).toBeVisible();
  expect(await shownOverOverlay("settings-dialog")).toBe(true);
  await page.keyboard.press("Escape");

  // The persona panel spans a phone's screen.
  await page.setViewportSize({ width: 390, height: 400 });
  await page.getByTestId("persona-settings").locator("summary").click();
  await expect(page.getByTestId("persona-input")).toBeVisible();
  expect(await shownOverOverlay("persona-panel")).toBe(true);
});
