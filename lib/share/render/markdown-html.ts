import type { Element, ElementContent } from "hast";
import type { Code, Html, Image, Link } from "mdast";
import type { InlineMath, Math as MathNode } from "mdast-util-math";
import type { State } from "mdast-util-to-hast";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { highlightCode } from "@/lib/markdown/highlight";
import { renderMath } from "@/lib/markdown/katex-cache";
import { prepareBlocks } from "@/lib/markdown/prepare-blocks";
import { safeLinkUrl } from "@/lib/markdown/safe-url";
import { toHtml } from "./html";

function element(tagName: string, className: string[], children: ElementContent[]): Element {
  return { type: "element", tagName, properties: className.length ? { className } : {}, children };
}

/**
 * The same choices as the chat's renderer (components/markdown), made on the server: KaTeX through the
 * shared cache, lowlight highlighting, model-written HTML shown as text, images never fetched, links
 * only to http(s)/mailto and marked as not vouched for.
 */
const handlers = {
  math: (_state: State, node: MathNode) =>
    element("div", ["math-display"], [{ type: "raw", value: renderMath(node.value, true) }]),
  inlineMath: (_state: State, node: InlineMath) =>
    element("span", ["math-inline"], [{ type: "raw", value: renderMath(node.value, false) }]),
  code: (_state: State, node: Code) => {
    const language = node.lang ?? undefined;
    const highlighted = highlightCode(node.value, language)?.children as ElementContent[] | undefined;
    const classes = language ? ["hljs", `language-${language}`] : ["hljs"];
    return element(
      "pre",
      [],
      [element("code", classes, highlighted ?? [{ type: "text", value: node.value }])],
    );
  },
  html: (_state: State, node: Html) => ({ type: "text" as const, value: node.value }),
  image: (_state: State, node: Image) =>
    element("span", ["image-alt"], [{ type: "text", value: `🖼 ${node.alt || node.url}` }]),
  link: (state: State, node: Link) => {
    const href = safeLinkUrl(node.url);
    const children = state.all(node);
    if (!href) return element("span", [], children);
    return {
      type: "element" as const,
      tagName: "a",
      properties: { href, rel: ["nofollow", "ugc", "noopener", "noreferrer"], target: "_blank" },
      children,
    };
  },
};

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype, { handlers });

/** A finished model text (answer or reasoning) as HTML, block by block as the chat splits it. */
export function markdownToHtml(text: string): string {
  return prepareBlocks(text, false)
    .blocks.map((block) => toHtml(processor.runSync(processor.parse(block))))
    .join("");
}
