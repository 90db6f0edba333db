import { createElement, type HTMLAttributes } from "react";
import type { Components, ExtraProps } from "react-markdown";

const tableCell = "border border-zinc-300 px-3 py-1.5 align-top dark:border-zinc-700";

/** Tailwind typography for what react-markdown emits; KaTeX output is styled in markdown.css. */
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
  blockquote: "my-3 border-l-4 border-zinc-300 pl-4 text-zinc-600 dark:border-zinc-600 dark:text-zinc-400",
  hr: "my-6 border-zinc-200 dark:border-zinc-700",
  // Long lines scroll inside the block instead of widening the page on phones.
  pre: "my-3 overflow-x-auto rounded-lg bg-zinc-100 p-3 text-sm leading-6 dark:bg-zinc-900 [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[1em]",
  code: "rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.875em] dark:bg-zinc-800",
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

function Link({ node: _node, ...props }: ElementProps) {
  return (
    <a
      {...props}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-blue-700 underline underline-offset-2 hover:text-blue-800 dark:text-blue-400 dark:hover:text-blue-300"
    />
  );
}

export const markdownElements: Components = {
  ...Object.fromEntries(Object.keys(classByTag).map((tag) => [tag, StyledElement])),
  table: Table,
  a: Link,
};
