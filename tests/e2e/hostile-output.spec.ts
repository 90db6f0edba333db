import { expect, type Page, test } from "@playwright/test";
import { HOSTILE_HTML, HOSTILE_KATEX, HOSTILE_MARKDOWN } from "../support/hostile-output";

/**
 * Hostile and pathological model output in the real page, in Chromium: the answer arrives as the BFF's
 * UI message stream (answered here instead of by the model), and the rendered DOM is inspected.
 */

function answerStream(text: string): string {
  const events = [
    { type: "start", messageId: "hostile-answer" },
    { type: "text-start", id: "t" },
    // In pieces, as a stream delivers it, so the streaming renderer sees every prefix length class.
    ...(text.match(/[\s\S]{1,2000}/g) ?? []).map((delta) => ({ type: "text-delta", id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish" },
  ];
  return `${events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join("")}data: [DONE]\n\n`;
}

async function answerWith(page: Page, text: string): Promise<void> {
  await page.route("**/api/chat", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "x-vercel-ai-ui-message-stream": "v1" },
      body: answerStream(text),
    }),
  );
  await page.goto("/");
  await page.getByTestId("composer-input").fill("Show me something");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
}

test("hostile model output is shown as text: nothing runs, loads or links anywhere unsafe", async ({
  page,
}) => {
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("request", (request) => {
    if (/evil\.example|^javascript:|^data:text\/html/.test(request.url())) requests.push(request.url());
  });
  await answerWith(page, [...HOSTILE_HTML, ...HOSTILE_MARKDOWN, ...HOSTILE_KATEX].join("\n\n"));

  const answer = page.getByTestId("message-assistant").getByTestId("answer");
  await expect(answer).toContainText("<script>alert(1)</script>");
  const active = await answer.evaluate((root) => {
    const found: string[] = [];
    const forbidden =
      "script, iframe, frame, object, embed, img, image, video, audio, form, style, link, meta, base, foreignObject, use, template";
    for (const element of root.querySelectorAll(forbidden)) found.push(`<${element.tagName}>`);
    for (const element of root.querySelectorAll("*")) {
      for (const { name, value } of element.attributes) {
        if (name.startsWith("on")) found.push(`${element.tagName} ${name}`);
        if (
          /^(?:href|xlink:href|src|action|formaction)$/.test(name) &&
          !/^(?:https?:\/\/|mailto:)/i.test(value)
        )
          found.push(`${element.tagName} ${name}=${value}`);
      }
    }
    return found;
  });
  expect(active).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual([]);
  // Still an ordinary, working page.
  await expect(page.getByTestId("composer-input")).toBeEditable();
});

test("pathological markdown leaves the page responsive", async ({ page }) => {
  // About 40 KB each: an answer's worth of tokens, not a megabyte no model would be let write.
  const nestedList = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");
  const table = `| a | b | c |\n|---|---|---|\n${"| x | *y* | `z` |\n".repeat(2_000)}`;
  await answerWith(
    page,
    [`${">".repeat(5_000)} deep`, nestedList, table, "`".repeat(10_000), "end of answer"].join("\n\n"),
  );

  const answer = page.getByTestId("message-assistant").getByTestId("answer");
  await expect(answer).toContainText("end of answer");
  await expect(answer.locator("tr")).toHaveCount(2_001);
  // The main thread answers, and typing still works.
  expect(
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve("frame")))),
  ).toBe("frame");
  await page.getByTestId("composer-input").fill("still typing");
  await expect(page.getByTestId("composer-input")).toHaveValue("still typing");
});
