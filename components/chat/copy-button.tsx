"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

const FEEDBACK_MS = 1_500;

/** Copies `text`, then says so for a moment (announced politely to screen readers). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard API unavailable (insecure context): fall back to a hidden textarea selection.
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), FEEDBACK_MS);
  };
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => void copy()}
      className="rounded-md px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
    >
      <span aria-live="polite">{copied ? t.messageActions.copied : label}</span>
    </button>
  );
}
