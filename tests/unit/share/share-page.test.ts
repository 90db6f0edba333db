import { describe, expect, it } from "vitest";
import type { StoredMessage } from "@/lib/db";
import { markdownToHtml } from "@/lib/share/render/markdown-html";
import { renderSharePage } from "@/lib/share/render/share-page";
import { takeSnapshot } from "@/lib/share/snapshot";

const answer = (text: string, reasoning = "Let me think.", ttftMs = 812): StoredMessage => ({
  id: "a",
  role: "assistant",
  parts: [
    { type: "reasoning", text: reasoning, state: "done" },
    { type: "text", text, state: "done" },
  ],
  metadata: {
    model: "deepseek-r1",
    rules: [{ id: "math-directive", detail: "secret rule detail" }],
    bffTiming: {
      clock: "bff",
      ttftMs,
      phases: { waitingMs: 812, thinkingMs: 12_340, answeringMs: 4_500 },
      chunks: { reasoning: 10, answer: 5 },
      gaps: { count: 0 },
      stalls: { count: 0, longestMs: 0, thresholdMs: 1000 },
      recentGapsMs: [],
      ended: true,
    },
    usage: { completionTokens: 1234 },
  },
  state: "complete",
  error: null,
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("the shared page's markdown", () => {
  it("renders maths with KaTeX and highlights code, on the server", () => {
    const html = markdownToHtml("So \\(x^2\\) and $$\\int_0^1 x\\,dx$$\n\n```python\nprint('hi')\n```");
    expect(html).toContain('<span class="math-inline"><span class="katex">');
    expect(html).toContain('<div class="math-display">');
    expect(html).toContain('<code class="hljs language-python"><span class="hljs-built_in">print</span>');
  });

  it("shows model-written HTML as text, never fetches images, and keeps only safe links", () => {
    const html = markdownToHtml(
      '<img src=x onerror="alert(1)"> ![pixel](https://tracker.example/p.png) [bad](javascript:alert(1)) [good](https://example.com)',
    );
    expect(html).not.toContain("<img");
    expect(html).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain(
      '<a href="https://example.com" rel="nofollow ugc noopener noreferrer" target="_blank">good</a>',
    );
    expect(html).toContain("🖼 pixel");
  });
});

describe("the shared page", () => {
  const snapshot = takeSnapshot([
    {
      id: "q",
      role: "user",
      parts: [{ type: "text", text: "What is <b>1+1</b>?" }],
      metadata: null,
      state: "complete",
      error: null,
      createdAt: "",
    },
    answer("It is $\\boxed{2}$."),
  ]);
  const shared = { title: "Sums", sharedAt: "2026-03-04T05:06:07.000Z", showQuestion: false, snapshot };

  it("keeps what the page shows and drops the rest from the snapshot", () => {
    expect(snapshot.messages[1]).toEqual({
      role: "assistant",
      reasoning: "Let me think.",
      answer: "It is $\\boxed{2}$.",
      model: "deepseek-r1",
      state: "complete",
      figures: { ttftMs: 812, thinkingMs: 12_340, answeringMs: 4_500, completionTokens: 1234 },
    });
    expect(JSON.stringify(snapshot)).not.toContain("secret rule detail");
  });

  it("shows when it was shared, which model answered, the figures and collapsed reasoning", () => {
    const html = renderSharePage(shared, "T".repeat(24), "en");
    expect(html).toContain(
      '<time datetime="2026-03-04T05:06:07.000Z">Shared Mar 4, 2026, 5:06 AM UTC</time>',
    );
    expect(html).toContain("Answered by deepseek-r1");
    expect(html).toContain("first token 812 ms · thinking 12.3 s · answering 4.5 s · 1234 tokens");
    expect(html).toContain('<details class="reasoning"><summary>Reasoning · Thought for 12.3 s</summary>');
    expect(html).toContain("What is &#60;b&#62;1+1&#60;/b&#62;?");
    // The app's icon, so the browser does not ask for a /favicon.ico the app does not have.
    expect(html).toContain('<link rel="icon" href="/icon.svg" type="image/svg+xml">');
  });

  it("reads in Chinese", () => {
    const html = renderSharePage(shared, "T".repeat(24), "zh");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("继续这段对话");
    expect(html).toContain("回答模型：deepseek-r1");
    expect(html).toContain("首个 token 812 毫秒");
  });

  it("gives a first token of a second or more in seconds", () => {
    const slow = answer("It is 2.", "Let me think.", 2_400);
    const html = renderSharePage({ ...shared, snapshot: takeSnapshot([slow]) }, "T".repeat(24), "en");
    expect(html).toContain("first token 2.4 s · thinking 12.3 s");
  });

  it("previews only a generic title and description unless the owner allowed quoting the question", () => {
    const head = (html: string) => html.slice(0, html.indexOf("</head>"));
    const generic = head(renderSharePage(shared, "T".repeat(24), "en"));
    expect(generic).not.toContain("Sums");
    expect(generic).not.toContain("1+1");
    const quoted = head(renderSharePage({ ...shared, showQuestion: true }, "T".repeat(24), "en"));
    expect(quoted).toContain('<meta property="og:title" content="Sums">');
    expect(quoted).toContain(
      '<meta property="og:description" content="What is &#60;b&#62;1+1&#60;/b&#62;?">',
    );
  });
});
