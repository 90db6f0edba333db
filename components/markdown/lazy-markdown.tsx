"use client";

import { lazy, memo, Suspense } from "react";
import { startMathWorker, typesetMathInPlace } from "@/lib/markdown/math-typesetter";
import type { MarkdownProps, MarkdownVariant } from "./markdown";

let loading: Promise<typeof import("./markdown")> | undefined;

/**
 * The renderer's parts, in the order they are set up, each in a task of its own: the markdown parser
 * (micromark), the syntax tree to HTML tree step, the HTML and SVG property tables, the HTML tree to React
 * step, react-markdown with the rest of its pipeline, the GFM and maths extensions, the block splitter;
 * then our code. Setting all their modules up at once took one task of about 100 ms on a slow machine,
 * react-markdown with its dependencies alone up to 79 ms, and the HTML tree to React step with the property
 * tables 55 ms, each freezing the page just as a quickly pasted question was sent (see bench/render). A
 * module set up in an earlier part is not set up again in a later one. KaTeX, the largest part, loads in a
 * worker in the browser (lib/markdown/math-typesetter.ts); the server typesets in place.
 */
const RENDERER_PARTS = [
  () => import("micromark"),
  () => import("mdast-util-to-hast"),
  () => import("property-information"),
  () => import("hast-util-to-jsx-runtime"),
  () => import("react-markdown"),
  () => import("remark-gfm"),
  () => import("remark-math"),
  () => import("marked"),
];

function loadMarkdown(): Promise<typeof import("./markdown")> {
  loading ??= (async () => {
    await typesetterReady();
    for (const part of RENDERER_PARTS) {
      await part();
      await nextTask();
    }
    return import("./markdown");
  })().catch((error: unknown) => {
    // A failed download (e.g. the network dropped) is tried again by the next caller.
    loading = undefined;
    throw error;
  });
  return loading;
}

async function typesetterReady(): Promise<void> {
  if (typeof window === "undefined") {
    const { renderWithKatex } = await import("@/lib/markdown/katex-cache");
    typesetMathInPlace(renderWithKatex);
  } else startMathWorker();
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const LoadedMarkdown = lazy(() => loadMarkdown().then((module) => ({ default: module.Markdown })));

/**
 * Starts downloading the markdown renderer (remark, and KaTeX in its worker: most of the chat's JavaScript)
 * ahead of need, e.g. once someone starts typing a question, so the answer does not wait for it.
 */
export function preloadMarkdown(): void {
  void loadMarkdown();
}

/**
 * The markdown renderer, kept out of the page's first load: a page without messages never downloads it.
 * Server-rendered messages keep their HTML until it has loaded; a message rendered in the browser before
 * then shows its text as it is, in the same place and type, for the moment the download takes.
 * Memoised: a re-render with the same props (the page's settings loading, say) would reach a boundary still
 * waiting to hydrate as an update, and React would render it anew in the browser, server HTML thrown away.
 */
export const LazyMarkdown = memo(function LazyMarkdown(props: MarkdownProps) {
  return (
    <Suspense fallback={<PlainText text={props.text} variant={props.variant} />}>
      <LoadedMarkdown {...props} />
    </Suspense>
  );
});

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
