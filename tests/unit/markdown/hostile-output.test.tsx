import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { renderMath } from "@/lib/markdown/katex-cache";
import { HOSTILE_HTML, HOSTILE_KATEX, HOSTILE_MARKDOWN } from "@/tests/support/hostile-output";
import { activeContent } from "./active-content";
import "@/tests/support/typeset-in-place";

/** Model output is rendered by the real renderer, finished and mid-stream, and must come out inert. */
const render = (text: string, streaming: boolean) =>
  renderToStaticMarkup(<Markdown text={text} streaming={streaming} />);

describe("hostile model output renders inert", () => {
  it("the scanner itself finds active content", () => {
    expect(activeContent('<p><a href="javascript:alert(1)">x</a></p>')).toEqual([
      "<a href=javascript:alert(1) (unsafe URL)>",
    ]);
    expect(activeContent('<span onclick="x">y</span>')).toHaveLength(1);
    expect(activeContent('<div style="background:url(x)"></div>')).toHaveLength(1);
    expect(activeContent("<script>alert(1)</script>")).toEqual(["<script>"]);
    expect(activeContent("<img src=x onerror=alert(1)>")).toEqual([
      expect.stringMatching(/^unparsed markup/),
    ]);
    expect(activeContent('<a href="&#106;avascript:x">y</a>')).toHaveLength(1);
    expect(activeContent('<p class="a">safe &lt;script&gt; <a href="https://a.example">ok</a></p>')).toEqual(
      [],
    );
  });

  describe.each([
    ["HTML", HOSTILE_HTML],
    ["markdown", HOSTILE_MARKDOWN],
    ["KaTeX", HOSTILE_KATEX],
  ])("%s tricks", (_kind, corpus) => {
    it.each(corpus)("%s", (text) => {
      for (const streaming of [false, true]) {
        const html = render(text, streaming);
        expect(activeContent(html)).toEqual([]);
        // Nothing of the model's choosing becomes an attribute (class, id, style, link target) of the page.
        expect(html).not.toMatch(/="[^"]*evil/);
      }
    });
  });

  it("still renders ordinary links and maths (the corpus above is not inert because nothing renders)", () => {
    const html = render("[docs](https://example.com/docs) and $\\frac{a}{b}$", false);
    expect(html).toContain('<a href="https://example.com/docs"');
    expect(html).toContain('class="katex"');
    expect(activeContent(html)).toEqual([]);
  });
});

describe("KaTeX limits", () => {
  it("caps sizes at 20em", () => {
    const html = renderMath("\\rule{100000em}{100000em}", true);
    const sizes = [
      ...html.matchAll(/(?:height|width|border-right-width|border-top-width):\s*([\d.]+)em/g),
    ].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20);
  });

  it("stops runaway macro expansion and shows the source instead", () => {
    for (const source of ["\\def\\a{\\a}\\a", "\\def\\a{x\\a}\\a"]) {
      const html = renderMath(source, false);
      expect(html).toContain("katex-error");
      expect(html.length).toBeLessThan(1_000);
    }
  });

  it("keeps trusted-only commands out (trust: false)", () => {
    for (const source of [
      "\\href{https://a.example}{x}",
      "\\htmlClass{c}{x}",
      "\\includegraphics{https://a.example/i.png}",
    ]) {
      const html = renderMath(source, false);
      expect(html).not.toMatch(/<a\b|<img\b|class="c"/);
    }
  });
});
