import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { longR1Reply } from "@/bench/render/fixture";
import { Markdown } from "@/components/markdown";
import { createFormulaFinder } from "@/lib/markdown/find-formulas";
import { mathKey } from "@/lib/markdown/typeset-protocol";
import { r1Answer } from "./r1-answer";
import "@/tests/support/typeset-in-place";

const decode = (html: string) =>
  html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&");

/** The formulas the renderer typesets for `text`, by the source KaTeX keeps in each one's MathML. */
function renderedKeys(text: string): string[] {
  const html = renderToStaticMarkup(<Markdown text={text} streaming={false} />);
  // A formula KaTeX could not parse has no annotation: the match must not run on into the next formula.
  const formula =
    /class="math-(display|inline)">(?:(?!class="math-)[\s\S])*?<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g;
  return [...html.matchAll(formula)].map(([, mode, source]) =>
    mathKey(decode(source ?? ""), mode === "display"),
  );
}

const keysOf = (formulas: { source: string; display: boolean }[]) =>
  formulas.map(({ source, display }) => mathKey(source, display));

/** Feeds `text` to a finder `step` characters at a time, as a stream would, and keeps all it found. */
function keysFoundStreaming(text: string, step: number): Set<string> {
  const find = createFormulaFinder();
  const found = new Set<string>();
  for (let end = step; end < text.length + step; end += step) {
    for (const key of keysOf(find(text.slice(0, end)))) found.add(key);
  }
  return found;
}

const inContainers = [
  "1. Solve the system:",
  "   \\[",
  "   \\begin{aligned}",
  "   a &= b \\\\",
  "     c &= d",
  "   \\end{aligned}",
  "   \\]",
  "2. Then \\( x_1 \\) follows, and $$y = 2$$ too.",
  "",
  "> Quoted: \\(q\\), costing $5 and $10.",
  "",
  "| value | formula |",
  "|---|---|",
  "| one | \\[t^2\\] |",
  "",
  "Inline code `$not maths$` and a bare \\boxed{7}.",
].join("\n");

const long = longR1Reply();

describe("createFormulaFinder", () => {
  it.each([
    ["an R1 answer", r1Answer],
    ["maths inside lists, quotes and tables", inContainers],
    ["a long reasoning trace", long.reasoning],
    ["a long answer", long.answer],
  ])("finds exactly the formulas the renderer typesets in %s", (_name, text) => {
    const rendered = renderedKeys(text);
    expect(rendered.length).toBeGreaterThan(0);
    expect(new Set(keysOf(createFormulaFinder()(text)))).toEqual(new Set(rendered));
  });

  it.each([7, 40, 333])(
    "finds every formula ahead when the text streams in %i characters at a time",
    (step) => {
      const found = keysFoundStreaming(long.answer, step);
      for (const key of renderedKeys(long.answer)) expect(found).toContain(key);
    },
  );

  it("never returns a formula whose closing delimiter has not arrived", () => {
    const find = createFormulaFinder();
    expect(find("The area is \\(\\pi r")).toEqual([]);
    expect(find("The area is \\(\\pi r^2\\) and $$\n\\int_0^1")).toEqual([
      { source: "\\pi r^2", display: false },
    ]);
    expect(find("The area is \\(\\pi r^2\\) and $$\n\\int_0^1 x\\,dx\n$$")).toContainEqual({
      source: "\\int_0^1 x\\,dx",
      display: true,
    });
  });

  it("scans only the end of a growing text again", () => {
    const find = createFormulaFinder();
    const settled = Array.from({ length: 20 }, (_, i) => `Step ${i}: \\(x_{${i}}\\).`).join("\n\n");
    expect(find(settled)).toHaveLength(20);
    expect(find(`${settled}\n\nStep 20: \\(x_{20}\\).`).length).toBeLessThanOrEqual(3);
  });

  it("starts over on a text that does not extend the previous one", () => {
    const find = createFormulaFinder();
    find("First \\(a\\).\n\nSecond \\(b\\).\n\nThird \\(c\\).\n\nFourth");
    expect(keysOf(find("Edited \\(z\\).\n\nSecond \\(b\\)."))).toEqual(
      expect.arrayContaining([mathKey("z", false), mathKey("b", false)]),
    );
  });
});
