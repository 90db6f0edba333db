import type { Element, Root } from "hast";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/markdown";
import { highlightCode } from "@/lib/markdown/highlight";
import "@/tests/support/typeset-in-place";

const python = "def square(x):\n    return x * x  # <b>not bold</b>";

function classesIn(tree: Root): string[] {
  const found: string[] = [];
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      found.push(...(child.properties.className as string[]));
      visit(child);
    }
  };
  visit(tree);
  return found;
}

describe("code blocks", () => {
  const html = renderToStaticMarkup(<Markdown text={`\`\`\`python\n${python}\n\`\`\``} streaming={false} />);

  it("render the code as plain, escaped text until the highlighter has loaded", () => {
    expect(html).toContain('<code class="hljs language-python">def square(x):');
    expect(html).toContain("# &lt;b&gt;not bold&lt;/b&gt;</code>");
    expect(html).not.toContain("hljs-keyword");
  });

  it("come with a labelled copy button", () => {
    expect(html).toMatch(/<button type="button" aria-label="Copy code"[^>]*>Copy<\/button>/);
  });

  it("leave maths fences and code apart", () => {
    const mixed = renderToStaticMarkup(<Markdown text={"$$\nx\n$$\n\n```\n$x$\n```"} streaming={false} />);
    expect(mixed).toContain('class="katex-display"');
    expect(mixed).toContain('<code class="hljs">$x$</code>');
  });
});

describe("highlightCode", () => {
  it("marks up keywords, strings and comments of a registered language", () => {
    const tree = highlightCode('def f():\n    return "hi"  # done', "python");
    expect(tree).not.toBeNull();
    expect(classesIn(tree as Root)).toEqual(
      expect.arrayContaining(["hljs-keyword", "hljs-string", "hljs-comment", "hljs-title", "function_"]),
    );
  });

  it("knows the usual aliases", () => {
    for (const language of [
      "py",
      "js",
      "ts",
      "sh",
      "shell",
      "cpp",
      "c",
      "java",
      "go",
      "rs",
      "sql",
      "json",
      "tex",
    ]) {
      expect(highlightCode("x", language), language).not.toBeNull();
    }
  });

  it("leaves unknown and unlabelled code alone", () => {
    expect(highlightCode("x", "cobol")).toBeNull();
    expect(highlightCode("x", undefined)).toBeNull();
  });

  it("keeps the text byte for byte", () => {
    const tree = highlightCode(python, "python") as Root;
    const text = (node: Root | Element): string =>
      node.children
        .map((child) => (child.type === "text" ? child.value : child.type === "element" ? text(child) : ""))
        .join("");
    expect(text(tree)).toBe(python);
  });
});
