"use client";

import { useMemo } from "react";
import { prepareBlocks } from "@/lib/markdown";
import { MarkdownBlock } from "./markdown-block";

/**
 * Renders a (possibly still streaming) model answer: markdown, GFM and KaTeX maths.
 * Needs `katex/dist/katex.min.css` and `./markdown.css` loaded globally.
 */
export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  const { blocks, hasPendingMath } = useMemo(() => prepareBlocks(text, streaming), [text, streaming]);
  return (
    <div className="markdown-body leading-7 break-words [&>:first-child]:mt-0 [&>:last-child]:mb-0">
      {blocks.map((block, index) => (
        // Blocks only ever grow at the end, so the index is a stable identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <MarkdownBlock key={index} text={block} />
      ))}
      {hasPendingMath && <PendingMath />}
    </div>
  );
}

/** Stands in for a formula whose closing delimiter has not streamed in yet. */
function PendingMath() {
  return (
    <span
      aria-hidden="true"
      className="inline-block animate-pulse rounded bg-zinc-100 px-2 font-serif text-sm text-zinc-500 italic dark:bg-zinc-800 dark:text-zinc-400"
    >
      ∑…
    </span>
  );
}
