import type { Element, ElementContent } from "hast";
import { createElement, type HTMLAttributes } from "react";
import type { Components, ExtraProps } from "react-markdown";
import { CodeBlock } from "./code-block";
import { MathFormula } from "./math-formula";

const tableCell = "border border-zinc-300 px-3 py-1.5 align-top dark:border-zinc-700";
const linkClass =
  "font-medium text-blue-700 underline underline-offset-2 hover:text-blue-800 dark:text-blue-400 dark:hover:text-blue-300";

/** Tailwind typography for what react-markdown emits; KaTeX and highlighted code are styled in markdown.css. */
const classByTag = {
  p: "my-3",
  h1: "mt-6 mb-3 text-2xl font-semibold",
  h2: "mt-6 mb-3 text-xl font-semibold",
  h3: "mt-5 mb-2 text-lg font-semibold",
  h4: "mt-4 mb-2 font-semibold",
  h5: "mt-4 mb-2 font-semibold",
  h6: "mt-4 mb-2 font-semibold",
  ul: "my-3 list-disc space-y-1 pl-6",
  ol: "my-3 list-decimal space-y-1 pl-6",
  li: "pl-1 marker:text-zinc-500 [&>ol]:my-1 [&>p]:my-1 [&>ul]:my-1",
  blockquote:
    "my-3 border-l-4 border-zinc-300 pl-4 text-zinc-600 dark:border-zinc-600 dark:text-zinc-400 [&>:first-child]:mt-0 [&>:last-child]:mb-0",
  hr: "my-6 border-zinc-200 dark:border-zinc-700",
  th: `${tableCell} bg-zinc-50 text-left font-semibold dark:bg-zinc-800/60`,
  td: tableCell,
};

type ElementProps = HTMLAttributes<HTMLElement> & ExtraProps;

/** Renders the element react-markdown asked for with its classes added; `node` is not a DOM attribute. */
function StyledElement({ node, className, ...props }: ElementProps) {
  const tag = (node?.tagName ?? "div") as keyof typeof classByTag;
  return createElement(tag, {
    ...props,
    className: className ? `${classByTag[tag]} ${className}` : classByTag[tag],
  });
}

function Table({ node: _node, ...props }: ElementProps) {
  return (
    <div className="my-4 overflow-x-auto">
      <table {...props} className="w-full border-collapse text-sm" />
    </div>
  );
}

/** `href` is already filtered by safeLinkUrl; a refused link keeps its text but goes nowhere. */
function Link({ node: _node, href, children }: HTMLAttributes<HTMLElement> & ExtraProps & { href?: string }) {
  if (!href) return <span>{children}</span>;
  return (
    // nofollow: the model wrote this link, the site vouches for nothing.
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className={linkClass}>
      {children}
    </a>
  );
}

/**
 * Images are shown as their description, never fetched: an `<img>` would make the browser request a URL
 * the model chose as soon as the answer renders, a known way to leak a conversation through a
 * prompt-injected image address.
 */
function Image({ src, alt }: ExtraProps & { src?: unknown; alt?: string }) {
  return (
    <span className="text-zinc-500 dark:text-zinc-400">
      <span aria-hidden="true">🖼 </span>
      {alt || (typeof src === "string" ? src : "")}
    </span>
  );
}

/** `<pre><code>` is either a fenced code block or, from remark-math, a display formula. */
function Pre({ node }: ElementProps) {
  const code = node?.children[0];
  if (code?.type !== "element" || code.tagName !== "code") return null;
  const classes = classNames(code);
  if (classes.includes("math-display")) return <MathFormula source={textOf(code)} display />;
  const language = classes.find((name) => name.startsWith("language-"))?.slice("language-".length);
  // The fence's closing newline is not part of the code anyone would want to copy.
  return <CodeBlock code={textOf(code).replace(/\n$/, "")} language={language} />;
}

/** Inline code, or inline maths (remark-math emits it as `<code class="math-inline">`). */
function Code({ node, children }: ElementProps) {
  if (node && classNames(node).includes("math-inline"))
    return <MathFormula source={textOf(node)} display={false} />;
  return (
    <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.875em] dark:bg-zinc-800">
      {children}
    </code>
  );
}

function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textOf(node: Element | ElementContent): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(textOf).join("") : "";
}

export const markdownElements: Components = {
  ...Object.fromEntries(Object.keys(classByTag).map((tag) => [tag, StyledElement])),
  table: Table,
  a: Link,
  img: Image,
  pre: Pre,
  code: Code,
};
