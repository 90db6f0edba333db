import { expect, type Page, test } from "@playwright/test";
import { SIM_PORT } from "./ports";

async function runningUpstreamRequests(): Promise<number> {
  const metrics = await (await fetch(`http://127.0.0.1:${SIM_PORT}/metrics`)).text();
  const line = metrics.split("\n").find((candidate) => candidate.startsWith("vllm:num_requests_running{"));
  return Number(line?.split(" ").at(-1));
}

/** From the next page load on, counts the elements matching `selector` that the page inserts. */
async function countInsertedElements(page: Page, selector: string): Promise<() => Promise<number>> {
  await page.addInitScript((watched) => {
    const counter = { inserted: 0 };
    (window as unknown as { insertedElements: typeof counter }).insertedElements = counter;
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element)
            counter.inserted += (node.matches(watched) ? 1 : 0) + node.querySelectorAll(watched).length;
    }).observe(document, { childList: true, subtree: true });
  }, selector);
  return () =>
    page.evaluate(
      () => (window as unknown as { insertedElements: { inserted: number } }).insertedElements.inserted,
    );
}

async function ask(page: Page, question: string) {
  await page.getByTestId("composer-input").fill(question);
  await page.getByTestId("composer-input").press("Enter");
}

test("shows that the model is simulated", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("model-badge")).toContainText("Simulated model");
  await expect(page.getByTestId("model-badge")).toContainText("DeepSeek-R1-Distill-Qwen-1.5B");
});

test("starts the stream worker before the first question is asked, and sends that question through it", async ({
  page,
}) => {
  let workers = 0;
  page.on("worker", () => workers++);
  await page.goto("/");
  // The KaTeX worker starts with the markdown renderer, which a new chat loads once a question is typed:
  // before that, the one worker is the stream worker.
  await expect.poll(() => workers).toBe(1);

  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("answer")).toContainText("42");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  // The question added only the KaTeX worker: it went through the stream worker already running.
  expect(workers).toBe(2);
});

test("streams reasoning, then an answer with rendered maths", async ({ page }) => {
  await page.goto("/");
  await ask(page, "Solve x^2 - 5x + 6 = 0");

  await expect(page.getByTestId("message-user")).toHaveText("Solve x^2 - 5x + 6 = 0");
  const assistant = page.getByTestId("message-assistant");
  const reasoning = assistant.getByTestId("reasoning");
  // While the model thinks, the reasoning block is open and counting, and no answer is shown yet.
  await expect(reasoning).toHaveAttribute("open", "");
  await expect(reasoning).toContainText("Thinking…");
  await expect(assistant.getByTestId("answer")).toHaveCount(0);

  const answer = assistant.getByTestId("answer");
  await expect(answer.locator(".katex").first()).toBeVisible();
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  await expect(reasoning.getByTestId("reasoning-duration")).toHaveText(/^Thought for \d+\.\d s$/);
  await expect(reasoning).not.toHaveAttribute("open", "");

  expect(await answer.locator(".katex").count()).toBeGreaterThan(1);
  await expect(answer.locator(".fbox")).toHaveCount(1);
  const visibleAnswer = await answer.evaluate((element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    // KaTeX keeps the TeX source in MathML annotations for screen readers; only the rendered text counts here.
    for (const annotation of clone.querySelectorAll("annotation")) annotation.remove();
    return clone.textContent ?? "";
  });
  expect(visibleAnswer).not.toContain("\\boxed");
  expect(visibleAnswer).not.toMatch(/\\\(|\\\[/);
  const pageText = await page.locator("body").innerText();
  expect(pageText).not.toContain("<think>");
  expect(pageText).not.toContain("</think>");
});

test("the messages keep their place as an answer ends; a question can be edited only once it has", async ({
  page,
}) => {
  await page.goto("/");
  await ask(page, "What is 12 + 30?");
  const assistant = page.getByTestId("message-assistant");
  await expect(assistant.getByTestId("reasoning")).toBeVisible();
  const edit = page.getByTestId("edit-message");
  await expect(edit).toBeDisabled();
  const topWhileStreaming = (await assistant.boundingBox())?.y;

  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  await expect(edit).toBeEnabled();
  expect((await assistant.boundingBox())?.y).toBe(topWhileStreaming);
});

test("maths is typeset off the page's main thread, and a reload shows the server's typeset maths throughout", async ({
  page,
}) => {
  await page.goto("/");
  await ask(page, "Solve x^2 - 5x + 6 = 0");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  const answer = page.getByTestId("message-assistant").getByTestId("answer");
  const formulas = await answer.locator(".katex").count();
  expect(formulas).toBeGreaterThan(1);

  // Every script the page ran is one of its <script> elements; the markdown parser is among them, KaTeX not.
  const pageScripts = await page.evaluate(async () => {
    const sources = [...document.querySelectorAll<HTMLScriptElement>("script[src]")].map(
      (script) => script.src,
    );
    return Promise.all(sources.map(async (source) => (await fetch(source)).text()));
  });
  expect(pageScripts.some((script) => script.includes("micromark"))).toBe(true);
  expect(pageScripts.some((script) => script.includes("KaTeX parse error"))).toBe(false);

  // After a reload the server's typeset formulas show throughout: through hydration, and when the chat
  // engine, once loaded, renders the messages anew. No formula is ever a placeholder.
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  const placeholders = await countInsertedElements(
    page,
    "[data-testid=pending-math][data-state=typesetting]",
  );
  await page.reload();
  await expect(answer.locator(".katex")).toHaveCount(formulas);
  // The composer is enabled once the engine has taken over from the server-rendered page.
  await expect(page.getByTestId("composer-input")).toBeEnabled();
  await expect(answer.locator(".katex")).toHaveCount(formulas);
  expect(await placeholders()).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test("a formula shows typeset with the text that closes it: smooth text leaves time to typeset it ahead", async ({
  page,
}) => {
  const typesetting = await countInsertedElements(page, "[data-testid=pending-math][data-state=typesetting]");
  await page.goto("/");
  // A first answer has the renderer and the KaTeX worker loaded, as they are after a page's first answer.
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  const before = await typesetting();
  await ask(page, "Solve x^2 - 5x + 6 = 0");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });
  const formulas = await page.getByTestId("message-assistant").nth(1).locator(".katex").count();
  expect(formulas).toBeGreaterThan(1);
  // Ahead is best effort: a formula that shows the moment it arrives may still wait a frame for its HTML.
  expect((await typesetting()) - before).toBeLessThan(formulas / 2);
});

test("Stop ends the answer mid-stream and aborts the upstream request", async ({ page }) => {
  await page.goto("/");
  await ask(page, "What is 12 + 30?");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  await ask(page, "Explain why the sky is blue, in detail.");
  const second = page.getByTestId("message-assistant").nth(1);
  await expect(second.getByTestId("reasoning")).toContainText(/\w{3,}/);
  expect(await runningUpstreamRequests()).toBe(1);
  await page.getByTestId("stop").click();

  await expect(page.getByTestId("stop")).toHaveCount(0);
  await expect(page.getByTestId("send")).toBeVisible();
  await expect.poll(runningUpstreamRequests, { timeout: 2_000 }).toBe(0);
  // Said at once, as a reload would say it from the stored answer.
  await expect(second.getByTestId("message-ending")).toHaveText("Stopped");
  const stoppedAt = await second.innerText();
  await page.waitForTimeout(500);
  expect(await second.innerText()).toBe(stoppedAt);
  await expect(page.getByTestId("message-user")).toHaveCount(2);
  await expect(page.getByTestId("message-assistant").first().getByTestId("message-ending")).toHaveCount(0);
});

test("Enter sends, Shift+Enter adds a line, Enter while an IME is composing does not send", async ({
  page,
}) => {
  await page.goto("/");
  const input = page.getByTestId("composer-input");
  await input.fill("你好");
  await input.dispatchEvent("keydown", {
    key: "Enter",
    code: "Enter",
    keyCode: 229,
    isComposing: true,
    bubbles: true,
  });
  await page.waitForTimeout(200);
  await expect(page.getByTestId("message-user")).toHaveCount(0);
  await expect(input).toHaveValue("你好");

  await input.press("Shift+Enter");
  await input.pressSequentially("世界");
  await expect(input).toHaveValue("你好\n世界");
  await input.press("Enter");
  await expect(page.getByTestId("message-user")).toHaveText("你好\n世界");
  await expect(input).toHaveValue("");
});

test("the chat stream is never compressed or buffered", async ({ request }) => {
  const response = await request.post("/api/chat", {
    headers: { "accept-encoding": "gzip, deflate, br", "content-type": "application/json" },
    data: {
      id: `compression-check-${crypto.randomUUID()}`,
      trigger: "submit-message",
      message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "Hi" }] },
    },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-encoding"]).toBeUndefined();
  expect(response.headers()["cache-control"]).toBe("no-cache, no-transform");
  expect(response.headers()["x-accel-buffering"]).toBe("no");
  expect(await response.text()).toContain('"type":"finish"');
});

test("a conversation id another browser already took is refused with 409, not a server error", async ({
  playwright,
  baseURL,
}) => {
  // Its own id each run, so the test holds when repeated against the same server.
  const conversationId = `taken-by-another-owner-${crypto.randomUUID()}`;
  const send = (context: Awaited<ReturnType<typeof playwright.request.newContext>>) =>
    context.post("/api/chat", {
      data: {
        id: conversationId,
        trigger: "submit-message",
        message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "Hi" }] },
      },
    });
  const first = await playwright.request.newContext({ baseURL });
  const second = await playwright.request.newContext({ baseURL });
  try {
    const owned = await send(first);
    expect(owned.status()).toBe(200);
    await owned.text();
    const refused = await send(second);
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe("conflict");
  } finally {
    await Promise.all([first.dispose(), second.dispose()]);
  }
});

test("the list follows the stream at the bottom; scrolling up stops that, and 'jump to latest' resumes it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 420 });
  await page.goto("/");
  await ask(page, "Explain why the sky is blue, in detail.");
  const scroller = page.getByTestId("chat-messages").locator("..");
  // How far below the visible bottom the latest text ends (the list keeps room below a streaming answer).
  const distanceToBottom = () =>
    scroller.evaluate((element) => {
      const messages = element.querySelector("[data-testid='chat-messages'] > div");
      const below = (messages?.getBoundingClientRect().bottom ?? 0) - element.getBoundingClientRect().bottom;
      return Math.abs(below);
    });
  // How much taller than the view the messages are (not the room kept below them).
  const overflow = () =>
    scroller.evaluate((element) => {
      const messages = element.querySelector("[data-testid='chat-messages'] > div") as HTMLElement;
      return messages.offsetHeight - element.clientHeight;
    });

  await expect.poll(overflow, { timeout: 30_000 }).toBeGreaterThan(200);
  // Polled: a read between two frames may see new text laid out before the list has scrolled to it.
  await expect.poll(distanceToBottom).toBeLessThan(80);

  const scrollTop = () => scroller.evaluate((element) => element.scrollTop);
  // Where the list rests once a smooth scroll (wheel, keys) has ended: the same place twice, 200 ms apart.
  const restingScrollTop = async () => {
    let before = await scrollTop();
    for (;;) {
      await page.waitForTimeout(200);
      const now = await scrollTop();
      if (now === before) return now;
      before = now;
    }
  };
  const jumpToLatest = async () => {
    await page.getByTestId("jump-to-latest").click();
    await expect.poll(distanceToBottom).toBeLessThan(80);
    await expect(page.getByTestId("jump-to-latest")).toHaveCount(0);
    // The jump is a smooth scroll: let it end before reaching up again, or it would follow once more.
    await page.waitForTimeout(1_000);
  };

  // Less than the distance within which the list sticks to the bottom: reaching up still lets go at once,
  // and the list then stays where the reader is while the answer grows below.
  await scroller.hover();
  await page.mouse.wheel(0, -60);
  await expect(page.getByTestId("jump-to-latest")).toBeVisible();
  const readingAt = await restingScrollTop();
  await page.waitForTimeout(300);
  expect(await scrollTop()).toBe(readingAt);
  await jumpToLatest();

  // From the keyboard too.
  await scroller.focus();
  await page.keyboard.press("PageUp");
  await expect(page.getByTestId("jump-to-latest")).toBeVisible();
  await restingScrollTop();
  await jumpToLatest();

  // And on a touch screen: a finger dragging the text down (the events alone; nothing scrolls).
  await scroller.evaluate((element) => {
    const at = (clientY: number) => [new Touch({ identifier: 1, target: element, clientX: 200, clientY })];
    element.dispatchEvent(new TouchEvent("touchstart", { touches: at(100), bubbles: true }));
    element.dispatchEvent(new TouchEvent("touchmove", { touches: at(130), bubbles: true }));
  });
  await expect(page.getByTestId("jump-to-latest")).toBeVisible();
  await jumpToLatest();

  // The room kept below a streaming answer goes once it ends: the list ends with the last message.
  await expect(page.getByTestId("stop")).toHaveCount(0, { timeout: 60_000 });
  await expect
    .poll(() =>
      scroller.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight),
    )
    .toBeLessThan(80);
});

test("room kept below a streaming answer never makes the list scrollable before the messages fill it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 420 });
  await page.goto("/");
  // Watched at every size change while the answer streams, as it will be painted: from a resize observer
  // made after the list's own, so it runs after the list has set the room for that layout. (A read between
  // two frames could see new text laid out before the list had its turn to adjust.)
  // The list is looked up once streaming starts: the chat engine replaces the page's first, server-rendered one.
  const watch = page.evaluate(
    () =>
      new Promise<{ sizeChanges: number; scrollableWithRoomOnly: number; overflowed: boolean }>((resolve) => {
        const seen = { sizeChanges: 0, scrollableWithRoomOnly: 0, overflowed: false };
        let observer: ResizeObserver | undefined;
        const waitForEnd = () => {
          const streaming = document.querySelector("[data-testid='stop']");
          if (streaming && !observer) {
            const content = document.querySelector("[data-testid='chat-messages']");
            const messages = content?.firstElementChild as HTMLElement | null | undefined;
            const scroller = content?.parentElement;
            if (messages && scroller) {
              observer = new ResizeObserver(() => {
                seen.sizeChanges++;
                if (messages.offsetHeight > scroller.clientHeight) seen.overflowed = true;
                else if (scroller.scrollHeight > scroller.clientHeight) seen.scrollableWithRoomOnly++;
              });
              observer.observe(messages);
              observer.observe(scroller);
            }
          } else if (!streaming && observer) {
            observer.disconnect();
            return resolve(seen);
          }
          requestAnimationFrame(waitForEnd);
        };
        requestAnimationFrame(waitForEnd);
      }),
  );
  await ask(page, "Explain why the sky is blue, in detail.");
  const seen = await watch;
  expect(seen.sizeChanges).toBeGreaterThan(10);
  // The answer grows past the view, so room was kept at some point; never before the text needed a scroll.
  expect(seen.overflowed).toBe(true);
  expect(seen.scrollableWithRoomOnly).toBe(0);
});
