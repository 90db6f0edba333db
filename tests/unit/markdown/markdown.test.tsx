import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { r1Answer } from "./r1-answer";
import "@/tests/support/typeset-in-place";

const render = (text: string, streaming = false) =>
  renderToStaticMarkup(<Markdown text={text} streaming={streaming} />);

const count = (html: string, fragment: string) => html.split(fragment).length - 1;

/** What a reader sees: tags stripped, minus the TeX source KaTeX keeps in MathML annotations for copying. */
function visibleText(html: string): string {
  return html
    .replace(/<annotation[^>]*>[\s\S]*?<\/annotation>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

describe("Markdown", () => {
  const html = render(r1Answer);
  const prose = visibleText(html.replace(/<pre[\s\S]*?<\/pre>/g, ""));

  it("typesets every formula with KaTeX, display maths as blocks", () => {
    expect(count(html, 'class="katex"')).toBe(5);
    expect(count(html, 'class="katex-display"')).toBe(2);
    expect(html).not.toContain("katex-error");
    expect(html).toContain("<math");
  });

  it("leaves no raw LaTeX delimiters or commands in the visible text", () => {
    for (const raw of ["\\boxed", "\\(", "\\[", "\\frac", "$$"]) expect(prose).not.toContain(raw);
    expect(html).toContain('class="stretchy fbox"');
  });

  it("keeps prose, currency and code intact", () => {
    expect(prose).toContain("我们来解这个二次方程。");
    expect(prose).toContain("It costs $5 to check on KaTeX.");
    expect(html).toContain("print(&quot;\\\\(kept verbatim\\\\)&quot;)");
  });

  it("opens links in a new tab without handing over window.opener or vouching for them", () => {
    expect(html).toContain('<a href="https://katex.org" target="_blank" rel="noopener noreferrer nofollow"');
  });

  it("wraps tables and code in horizontally scrolling boxes", () => {
    expect(html).toMatch(/<div class="[^"]*overflow-x-auto[^"]*"><table/);
    expect(html).toMatch(/<pre class="[^"]*overflow-x-auto/);
  });

  it("shows a placeholder instead of a half-streamed formula", () => {
    const streamed = render("Therefore \\[ x = \\frac{-b \\pm", true);
    expect(visibleText(streamed)).toBe("Therefore∑…");
    expect(streamed).not.toContain("katex");
  });

  it("shows a formula KaTeX cannot parse as its source, quietly", () => {
    const broken = render("Then $\\frac{1}{$ follows.");
    expect(broken).toContain('class="katex-error"');
    expect(broken).toContain("color:inherit");
    expect(visibleText(broken)).toBe("Then \\frac{1}{ follows.");
  });

  it("sets reasoning smaller and muted", () => {
    const reasoning = renderToStaticMarkup(<Markdown text="Hmm, $x$." streaming variant="reasoning" />);
    expect(reasoning).toMatch(/class="markdown-body [^"]*markdown-compact[^"]*text-zinc-600/);
    expect(reasoning).toContain('class="katex"');
  });

  it("shows no placeholder once the stream has finished", () => {
    expect(render("Therefore \\(x\\)", true)).not.toContain("∑…");
  });
});
