"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { extractFinalBoxed } from "@/lib/markdown/extract-final-boxed";
import { CopyButton } from "./copy-button";

interface MessageActionsProps {
  answer: string;
  canRegenerate: boolean;
  onRegenerate: () => void;
  /** Opens the latency overlay on this answer, when it has figures. */
  onShowTiming?: () => void;
}

export function MessageActions({ answer, canRegenerate, onRegenerate, onShowTiming }: MessageActionsProps) {
  const { t } = useI18n();
  const boxed = extractFinalBoxed(answer);
  return (
    <>
      {answer && <CopyButton text={answer} label={t.messageActions.copy} testId="copy-answer" />}
      {boxed && (
        <CopyButton text={boxed} label={t.messageActions.copyFinalAnswer(boxed)} testId="copy-boxed" />
      )}
      {canRegenerate && (
        <button
          type="button"
          data-testid="regenerate"
          onClick={onRegenerate}
          className="rounded-md px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          {t.messageActions.regenerate}
        </button>
      )}
      {onShowTiming && (
        <button
          type="button"
          data-testid="show-timing"
          onClick={onShowTiming}
          className="rounded-md px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          ⏱ {t.latency.showFor}
        </button>
      )}
    </>
  );
}
