"use client";

import { memo } from "react";
import { LazyMarkdown, type MarkdownVariant } from "@/components/markdown/lazy-markdown";
import { useFormulaPrefetch } from "@/components/markdown/use-formula-prefetch";
import { useSettings } from "@/components/settings/settings-provider";
import { useSmoothText } from "@/lib/smooth-text/use-smooth-text";

interface SmoothMarkdownProps {
  text: string;
  streaming: boolean;
  variant?: MarkdownVariant;
}

/**
 * Markdown for a text that may still be streaming, revealed at an even pace (unless smooth text is off).
 * Each reveal re-renders only this component and the markdown's growing block, not the message around it.
 */
export const SmoothMarkdown = memo(function SmoothMarkdown({
  text,
  streaming,
  variant,
}: SmoothMarkdownProps) {
  const { smoothText } = useSettings().settings;
  const shownText = useSmoothText(text, streaming, smoothText);
  // Smooth text shows what has arrived a moment later: time enough to typeset its formulas off the page.
  useFormulaPrefetch(text, streaming && smoothText);
  return <LazyMarkdown text={shownText} streaming={streaming} variant={variant} />;
});
