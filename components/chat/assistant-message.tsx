"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { Markdown } from "@/components/markdown/markdown";
import { useSettings } from "@/components/settings/settings-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { useSmoothText } from "@/lib/smooth-text/use-smooth-text";
import { AppliedRules } from "./applied-rules";
import { MessageActions } from "./message-actions";
import { ReasoningBlock } from "./reasoning-block";

interface AssistantMessageProps {
  message: ChatMessage;
  streaming: boolean;
  canRegenerate: boolean;
  onRegenerate: () => void;
  onShowTiming: () => void;
}

export function AssistantMessage({
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
  const { smoothText } = useSettings().settings;
  const shownReasoning = useSmoothText(reasoning, streaming && !answering, smoothText);
  const shownAnswer = useSmoothText(answer, streaming, smoothText);

  return (
    <article data-testid="message-assistant" className="flex flex-col gap-2">
      {reasoning && (
        <ReasoningBlock
          text={shownReasoning}
          thinking={streaming && !answering}
          durationMs={metadata?.bffTiming?.phases.thinkingMs}
        />
      )}
      {answer && (
        <div data-testid="answer" className="min-w-0">
          <Markdown text={shownAnswer} streaming={streaming} />
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
            onRegenerate={onRegenerate}
            onShowTiming={metadata?.bffTiming ? onShowTiming : undefined}
          />
          {metadata?.rules && <AppliedRules rules={metadata.rules} finishReason={metadata.finishReason} />}
        </div>
      )}
    </article>
  );
}
