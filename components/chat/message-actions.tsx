"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { StopwatchIcon } from "@/components/latency/stopwatch-icon";
import { extractFinalBoxed } from "@/lib/markdown/extract-final-boxed";
import { ActionButton } from "./action-button";
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
        <ActionButton data-testid="regenerate" onClick={onRegenerate}>
          {t.messageActions.regenerate}
        </ActionButton>
      )}
      {onShowTiming && (
        <ActionButton data-testid="show-timing" onClick={onShowTiming}>
          <span className="inline-flex items-center gap-1">
            <StopwatchIcon className="h-3.5 w-3.5" />
            {t.latency.showFor}
          </span>
        </ActionButton>
      )}
    </>
  );
}
