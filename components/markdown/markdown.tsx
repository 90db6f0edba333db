"use client";

import { memo, useMemo, useState } from "react";
import { createBlockPreparer } from "@/lib/markdown/prepare-blocks";
import { MarkdownBlock } from "./markdown-block";
import { PendingMath } from "./pending-math";

export type MarkdownVariant = "answer" | "reasoning";

export interface MarkdownProps {
  text: string;
  streaming: boolean;
  /** "reasoning" sets the text smaller and muted, for the model's thinking. */
  variant?: MarkdownVariant;
}

const variantClass: Record<MarkdownVariant, string> = {
  answer: "leading-7",
  reasoning: "markdown-compact text-sm leading-6 text-zinc-600 dark:text-zinc-400",
};

/**
 * Renders a (possibly still streaming) model answer: markdown, GFM, KaTeX maths and highlighted code.
 * Needs `katex/dist/katex.min.css` and `./markdown.css` loaded globally.
 */
export const Markdown = memo(function Markdown({ text, streaming, variant = "answer" }: MarkdownProps) {
  // One preparer per rendered text, so each update only re-processes the block that is still growing.
  const [prepare] = useState(createBlockPreparer);
  const { blocks, hasPendingMath } = useMemo(() => prepare(text, streaming), [prepare, text, streaming]);
  return (
    <div className={`markdown-body break-words ${variantClass[variant]}`}>
      {groupsOf(blocks).map((group, groupIndex) => (
        // Blocks only ever grow at the end, so an index is a stable identity, for groups and blocks alike.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={groupIndex} className="markdown-group">
          {group.map((block, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <MarkdownBlock key={index} text={block} />
          ))}
        </div>
      ))}
      {hasPendingMath && <PendingMath />}
    </div>
  );
});

/**
 * Finished blocks are laid out and skipped off screen (content-visibility in markdown.css) this many at a
 * time. Every update lays out the growing block's group and checks the visibility of each group: larger
 * groups mean fewer checks but a larger group to lay out with each update (see bench/render).
 */
const BLOCKS_PER_GROUP = 4;

/** Consecutive runs of BLOCKS_PER_GROUP blocks; new blocks only ever join the last run. */
function groupsOf(blocks: string[]): string[][] {
  const groups: string[][] = [];
  for (let start = 0; start < blocks.length; start += BLOCKS_PER_GROUP)
    groups.push(blocks.slice(start, start + BLOCKS_PER_GROUP));
  return groups;
}
