import { describe, expect, it } from "vitest";
import { normalizeMath } from "@/lib/markdown";

describe("normalizeMath: delimiters", () => {
  it("turns \\( … \\) into trimmed $ … $", () => {
    expect(normalizeMath("where \\( x^2 \\) holds")).toBe("where $x^2$ holds");
  });

  it("puts \\[ … \\] from mid-paragraph on its own lines", () => {
    expect(normalizeMath("So \\[ x = \\frac{1}{2} \\] hence.")).toBe("So\n$$\nx = \\frac{1}{2}\n$$\nhence.");
  });

  it("keeps a multi-line aligned environment intact", () => {
    const aligned = "\\begin{aligned}\na &= b + c \\\\\n  &= d\n\\end{aligned}";
    expect(normalizeMath(`\\[\n${aligned}\n\\]`)).toBe(`$$\n${aligned}\n$$`);
  });

  it("turns inline $$ … $$ into a block and leaves a canonical block alone", () => {
    expect(normalizeMath("we get $$E = mc^2$$ in general")).toBe("we get\n$$\nE = mc^2\n$$\nin general");
    expect(normalizeMath("$$\nE = mc^2\n$$")).toBe("$$\nE = mc^2\n$$");
  });

  it("moves punctuation right after display maths into the formula", () => {
    expect(normalizeMath("so \\[ x = 1 \\].\nNext")).toBe("so\n$$\nx = 1.\n$$\nNext");
  });

  it("keeps a display formula spanning a blank line whole", () => {
    expect(normalizeMath("\\[\na\n\nb\n\\]")).toBe("$$\na\n\nb\n$$");
  });

  it("leaves $ … $ alone", () => {
    expect(normalizeMath("let $a+b$ and $c$")).toBe("let $a+b$ and $c$");
  });

  it("keeps display maths inside its list item", () => {
    expect(normalizeMath("1. Solve \\[x = 1\\] then\n2. Next")).toBe(
      "1. Solve\n   $$\n   x = 1\n   $$\n   then\n2. Next",
    );
    expect(normalizeMath("- Use\n  \\[\n  y = 2\n  \\]")).toBe("- Use\n  $$\n  y = 2\n  $$");
  });

  it("keeps display maths inside its blockquote", () => {
    expect(normalizeMath("> Note \\[x\\] ok")).toBe("> Note\n> $$\n> x\n> $$\n> ok");
  });

  it("keeps display maths inline in a table row", () => {
    expect(normalizeMath("| a | \\[x^2\\] |")).toBe("| a | $x^2$ |");
  });

  it("leaves unterminated delimiters for the streaming hold-back", () => {
    for (const text of ["a \\( x", "a \\[ x", "a $$ x", "a $x", "a \\boxed{4"]) {
      expect(normalizeMath(text)).toBe(text);
    }
  });

  it("is idempotent", () => {
    const text = "Cost $5. \\(x\\), \\[y\\] and \\boxed{\\frac{1}{2}} $$z$$";
    expect(normalizeMath(normalizeMath(text))).toBe(normalizeMath(text));
  });
});

describe("normalizeMath: \\boxed", () => {
  it("wraps a bare \\boxed{…} in $ … $", () => {
    expect(normalizeMath("Answer: \\boxed{42}.")).toBe("Answer: $\\boxed{42}$.");
  });

  it("respects nested and escaped braces", () => {
    expect(normalizeMath("\\boxed{\\frac{1}{\\sqrt{2}}} end")).toBe("$\\boxed{\\frac{1}{\\sqrt{2}}}$ end");
    expect(normalizeMath("\\boxed{\\{1, 2\\}}")).toBe("$\\boxed{\\{1, 2\\}}$");
  });

  it("does not wrap a \\boxed that is already inside maths", () => {
    for (const text of ["$\\boxed{1}$", "$$\n\\boxed{1}\n$$"]) expect(normalizeMath(text)).toBe(text);
    expect(normalizeMath("\\[ \\boxed{1} \\]")).toBe("$$\n\\boxed{1}\n$$");
  });
});

describe("normalizeMath: code is untouched", () => {
  it("skips fenced code blocks (backticks, tildes, unclosed)", () => {
    const fenced = "```latex\n\\[ x \\] \\(y\\) $5 \\boxed{1}\n```";
    expect(normalizeMath(`${fenced}\nthen \\(z\\)`)).toBe(`${fenced}\nthen $z$`);
    expect(normalizeMath("~~~\n\\(a\\)\n~~~")).toBe("~~~\n\\(a\\)\n~~~");
    expect(normalizeMath("```py\nprint('$5 \\(x\\)')")).toBe("```py\nprint('$5 \\(x\\)')");
  });

  it("skips fences inside list items", () => {
    const text = "1. Run:\n   ```sh\n   echo $HOME \\(x\\)\n   ```";
    expect(normalizeMath(text)).toBe(text);
  });

  it("skips inline code spans, including double-backtick ones", () => {
    expect(normalizeMath("use `\\(x\\)` and ``a ` $5`` then \\(y\\)")).toBe(
      "use `\\(x\\)` and ``a ` $5`` then $y$",
    );
  });
});

describe("normalizeMath: currency", () => {
  it.each([
    ["$5", "\\$5"],
    ["costs $3.50 and $4", "costs \\$3.50 and \\$4"],
    ["between $5 and $10.", "between \\$5 and \\$10."],
    ["$1,000 or $2,500", "\\$1,000 or \\$2,500"],
    ["$5-$10 per month", "\\$5-\\$10 per month"],
    ["pay $5 for $x$ items", "pay \\$5 for $x$ items"],
  ])("escapes money in %j", (text, expected) => {
    expect(normalizeMath(text)).toBe(expected);
  });

  it.each(["$5$", "$3 + 4 = 7$", "$2^{10}$", "$0.5x$ and $y$", "already \\$5"])("leaves %j alone", (text) => {
    expect(normalizeMath(text)).toBe(text);
  });
});
