import { describe, expect, it, vi } from "vitest";
import { createKatexCache, renderWithKatex } from "@/lib/markdown/katex-cache";

function countingCache(capacity: number) {
  const render = vi.fn((source: string, display: boolean) => `${display ? "D" : "I"}:${source}`);
  return { render, cached: createKatexCache(capacity, render) };
}

describe("createKatexCache", () => {
  it("typesets a formula once and serves repeats from the cache", () => {
    const { render, cached } = countingCache(10);
    expect(cached("x^2", false)).toBe("I:x^2");
    expect(cached("x^2", false)).toBe("I:x^2");
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("keeps inline and display renderings of the same source apart", () => {
    const { render, cached } = countingCache(10);
    expect(cached("x", false)).toBe("I:x");
    expect(cached("x", true)).toBe("D:x");
    expect(render).toHaveBeenCalledTimes(2);
  });

  it("forgets the least recently used formula when full", () => {
    const { render, cached } = countingCache(2);
    cached("a", false);
    cached("b", false);
    cached("a", false); // a is now the most recent
    cached("c", false); // evicts b
    expect(render).toHaveBeenCalledTimes(3);
    cached("a", false);
    expect(render).toHaveBeenCalledTimes(3);
    cached("b", false);
    expect(render).toHaveBeenCalledTimes(4);
  });
});

describe("renderWithKatex", () => {
  it("renders HTML and MathML", () => {
    const html = renderWithKatex("\\frac{a}{b}", true);
    expect(html).toContain('class="katex-display"');
    expect(html).toContain("<math");
  });

  it("returns the escaped source of an invalid formula, in the surrounding colour, without throwing", () => {
    const html = renderWithKatex("\\frac{<b>}{", false);
    expect(html).toMatch(/^<span class="katex-error"[^>]*style="color:inherit"/);
    expect(html).toContain("\\frac{&lt;b&gt;}{");
    expect(html).not.toContain("<b>");
  });
});
