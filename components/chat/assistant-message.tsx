"use client";

import { memo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { AppliedRules } from "./applied-rules";
import { MessageActions } from "./message-actions";
import { ReasoningBlock } from "./reasoning-block";
import { SmoothMarkdown } from "./smooth-markdown";

interface AssistantMessageProps {
  message: ChatMessage;
  streaming: boolean;
  canRegenerate: boolean;
  onRegenerate: (messageId: string) => void;
  onShowTiming: (messageId: string) => void;
}

/** Memoised: while one answer streams, the others in the conversation do not re-render. */
export const AssistantMessage = memo(function AssistantMessage({
  message,
  streaming,
  canRegenerate,
  onRegenerate,
  onShowTiming,
}: AssistantMessageProps) {
  const { t } = useI18n();
  const reasoning = message.parts.map((part) => (part.type === "reasoning" ? part.text : "")).join("");
  const answer = message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("")
    .replace(/^\s+/, "");
  const answering = message.parts.some((part) => part.type === "text");
  const metadata = message.metadata;
  const ending =
    metadata?.state === "stopped" || metadata?.state === "interrupted"
      ? t.messageState[metadata.state]
      : null;

  return (
    <article data-testid="message-assistant" className="flex flex-col gap-2">
      {reasoning && (
        <ReasoningBlock
          text={reasoning}
          thinking={streaming && !answering}
          durationMs={metadata?.bffTiming?.phases.thinkingMs}
        />
      )}
      {answer && (
        <div data-testid="answer" className="min-w-0">
          <SmoothMarkdown text={answer} streaming={streaming} />
        </div>
      )}
      {ending && (
        <p data-testid="message-ending" className="text-xs text-zinc-500">
          {ending}
        </p>
      )}
      {metadata?.state === "error" && metadata.error && (
        <p data-testid="message-error" className="text-red-700 text-sm dark:text-red-300">
          {metadata.error}
        </p>
      )}
      {!streaming && (
        <div className="flex flex-wrap items-center gap-1">
          <MessageActions
            answer={answer}
            canRegenerate={canRegenerate}
            onRegenerate={() => onRegenerate(message.id)}
            onShowTiming={metadata?.bffTiming ? () => onShowTiming(message.id) : undefined}
          />
          {metadata?.rules && <AppliedRules rules={metadata.rules} finishReason={metadata.finishReason} />}
        </div>
      )}
    </article>
  );
});
