"use client";

import { lazy, Suspense } from "react";
import type { MarkdownProps, MarkdownVariant } from "./markdown";

const loadMarkdown = () => import("./markdown");
const LoadedMarkdown = lazy(() => loadMarkdown().then((module) => ({ default: module.Markdown })));

/**
 * Starts downloading the markdown renderer (remark, KaTeX: most of the chat's JavaScript) ahead of need,
 * e.g. once someone starts typing a question, so the answer does not wait for it.
 */
export function preloadMarkdown(): void {
  void loadMarkdown();
}

/**
 * The markdown renderer, kept out of the page's first load: a page without messages never downloads it.
 * Server-rendered messages keep their HTML until it has loaded; a message rendered in the browser before
 * then shows its text as it is, in the same place and type, for the moment the download takes.
 */
export function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<PlainText text={props.text} variant={props.variant} />}>
      <LoadedMarkdown {...props} />
    </Suspense>
  );
}

function PlainText({ text, variant }: { text: string; variant?: MarkdownVariant }) {
  return (
    <div
      className={`markdown-body whitespace-pre-wrap break-words ${variant === "reasoning" ? "text-sm leading-6" : "leading-7"}`}
    >
      {text}
    </div>
  );
}

export type { MarkdownVariant };
