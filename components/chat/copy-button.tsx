"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ActionButton } from "./action-button";

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
    <ActionButton data-testid={testId} onClick={() => void copy()}>
      <span aria-live="polite">{copied ? t.messageActions.copied : label}</span>
    </ActionButton>
  );
}
