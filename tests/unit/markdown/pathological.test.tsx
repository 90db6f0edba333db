import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { isTooDeeplyNested, MAX_NESTING_DEPTH } from "@/lib/markdown/nesting-depth";
import { prepareBlocks } from "@/lib/markdown/prepare-blocks";
import "@/tests/support/typeset-in-place";

const render = (text: string, streaming: boolean) =>
  renderToStaticMarkup(<Markdown text={text} streaming={streaming} />);

const nestedList = (depth: number) =>
  Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n");

/**
 * Input no sane answer contains, but a model can be made to write. Each must render, finished and while
 * streaming, without throwing. The work is bounded by the output staying linear in the input (checked
 * here) and by the test's timeout (generous, not a benchmark: a regression to quadratic or worse blows
 * through it, as deep nesting did before it was capped).
 */
const CASES: Record<string, string> = {
  "lists nested 1000 deep": nestedList(1_000),
  "quotes nested 5000 deep": `${">".repeat(5_000)} deep`,
  "quotes and lists alternating 2000 deep": `${"> - ".repeat(2_000)}x`,
  "a table of 3000 rows": `| a | b | c |\n|---|---|---|\n${"| x | *y* | `z` |\n".repeat(3_000)}`,
  "a table 1000 columns wide": `|${" c |".repeat(1_000)}\n|${"---|".repeat(1_000)}\n|${" v |".repeat(1_000)}\n`,
  "a 200 KB line": "word ".repeat(40_000),
  "10k backticks": "`".repeat(10_000),
  "10k unclosed code spans": "`a".repeat(10_000),
  "10k emphasis openers": "*a **b ".repeat(10_000),
  "10k link openers": `${"[".repeat(10_000)}${"](".repeat(5_000)}`,
  "10k dollar signs": "$".repeat(10_000),
  "maths nested 5000 braces deep": `$${"{".repeat(5_000)}${"}".repeat(5_000)}$`,
  "500 nested fractions": `$$${"\\frac{".repeat(500)}1${"}{2}".repeat(500)}$$`,
  "10k less-than signs": "<".repeat(10_000),
  "5000 fences": "```\n".repeat(5_000),
  "5000 autolinks": "<https://a.example/>".repeat(5_000),
};

describe("pathological markdown renders without throwing, in bounded work", () => {
  it.each(Object.entries(CASES))(
    "%s",
    (_name, text) => {
      for (const streaming of [false, true]) {
        const html = render(text, streaming);
        expect(html.length).toBeGreaterThan(0);
        // A code block's copy button makes the most markup per input character (an empty block: 8 characters).
        expect(html.length).toBeLessThan(100 * text.length + 10_000);
      }
    },
    60_000,
  );
});

describe("nesting beyond any real answer", () => {
  it("is shown as plain text, the text kept", () => {
    const html = render(nestedList(MAX_NESTING_DEPTH + 10), false);
    expect(html).toContain("whitespace-pre-wrap");
    expect(html).not.toContain("<ul");
    expect(html).toContain(`item ${MAX_NESTING_DEPTH + 9}`);
  });

  it("is limited to its own paragraphs: the rest of the answer still renders as markdown", () => {
    const text = `Intro with **bold**.\n\n${">".repeat(1_000)} deep\n\n| a |\n|---|\n| 1 |\n\n\`\`\`\nx\n\n\`\`\``;
    const { blocks } = prepareBlocks(text, false);
    expect(blocks.join("")).toBe(text);
    const html = render(text, false);
    expect(html).toContain("<strong");
    expect(html).toContain("<table");
    expect(html).toContain("<pre");
    expect(html.split("whitespace-pre-wrap").length - 1).toBe(1);
  });

  it("up to the limit still renders as nested lists and quotes", () => {
    expect(render(nestedList(MAX_NESTING_DEPTH), false).split("<ul").length - 1).toBe(MAX_NESTING_DEPTH);
    expect(render(`${"> ".repeat(MAX_NESTING_DEPTH)}deep`, false).split("<blockquote").length - 1).toBe(
      MAX_NESTING_DEPTH,
    );
  });

  it("counts quote and list markers and indentation, not rules, code or emphasis", () => {
    expect(isTooDeeplyNested(`${">".repeat(MAX_NESTING_DEPTH + 1)} x`)).toBe(true);
    expect(isTooDeeplyNested(`${"- ".repeat(MAX_NESTING_DEPTH + 1)}x`)).toBe(true);
    expect(isTooDeeplyNested(`${"1. ".repeat(MAX_NESTING_DEPTH + 1)}x`)).toBe(true);
    expect(isTooDeeplyNested(`${" ".repeat(2 * MAX_NESTING_DEPTH + 2)}- x`)).toBe(true);
    expect(isTooDeeplyNested(`Title\n${"-".repeat(200)}\n\n${"*".repeat(200)}`)).toBe(false);
    expect(isTooDeeplyNested(`\`\`\`python\n${" ".repeat(200)}return x\n\`\`\``)).toBe(false);
    expect(isTooDeeplyNested(`call \`f()\`${" ".repeat(200)}- then`)).toBe(false);
  });
});
