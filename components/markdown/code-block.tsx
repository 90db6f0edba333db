"use client";

import type { ElementContent, Root } from "hast";
import { memo, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { copyText } from "./copy-text";
import { type MarkdownLabels, MarkdownLabelsContext } from "./markdown-labels";
import { useHighlighter } from "./use-highlighter";

const FEEDBACK_MS = 1500;

interface CodeBlockProps {
  code: string;
  /** The fence's info word, e.g. "python"; highlighting needs a language highlight.js knows. */
  language?: string;
  /** Overrides the labels from MarkdownLabelsContext. */
  labels?: MarkdownLabels;
}

/**
 * A fenced code block with a copy button. It shows plain code at once and highlighted code as soon
 * as the highlighter has loaded, so a streamed block never waits for the chunk.
 */
export const CodeBlock = memo(function CodeBlock({ code, language, labels }: CodeBlockProps) {
  const highlight = useHighlighter();
  const highlighted = useMemo(() => highlight?.(code, language) ?? null, [highlight, code, language]);
  return (
    <div className="group relative my-3">
      <pre className="overflow-x-auto rounded-lg bg-zinc-100 p-3 pr-20 text-sm leading-6 dark:bg-zinc-900">
        <code className={language ? `hljs language-${language}` : "hljs"}>
          {highlighted ? <HighlightedCode tree={highlighted} /> : code}
        </code>
      </pre>
      <CopyButton text={code} labels={labels} />
    </div>
  );
});

type CopyState = "idle" | "copied" | "failed";

function CopyButton({ text, labels: ownLabels }: { text: string; labels?: MarkdownLabels }) {
  const contextLabels = useContext(MarkdownLabelsContext);
  const labels = ownLabels ?? contextLabels;
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const feedback = state === "copied" ? labels.copied : state === "failed" ? labels.copyFailed : null;
  return (
    <button
      type="button"
      aria-label={feedback ?? labels.copyCode}
      onClick={async () => setState((await copyText(text)) ? "copied" : "failed")}
      className="absolute top-2 right-2 rounded-md border border-zinc-300 bg-white/90 px-2 py-0.5 text-xs text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-800/90 dark:text-zinc-300 dark:hover:text-zinc-100"
    >
      {feedback ?? labels.copy}
    </button>
  );
}

/** lowlight's hast holds only spans with `hljs-*` classes and text, so it maps straight onto React. */
function HighlightedCode({ tree }: { tree: Root }): ReactNode {
  return tree.children.map(toReact);
}

function toReact(node: Root["children"][number] | ElementContent, index: number): ReactNode {
  if (node.type === "text") return node.value;
  if (node.type !== "element") return null;
  const className = node.properties.className;
  // Highlight spans have no identity of their own; their position is all React needs.
  return (
    <span key={index} className={Array.isArray(className) ? className.join(" ") : undefined}>
      {node.children.map(toReact)}
    </span>
  );
}
