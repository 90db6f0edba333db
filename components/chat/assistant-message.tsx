"use client";

import { Markdown } from "@/components/markdown/markdown";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { AppliedRules } from "./applied-rules";
import { MessageActions } from "./message-actions";
import { ReasoningBlock } from "./reasoning-block";

interface AssistantMessageProps {
  message: ChatMessage;
  streaming: boolean;
  canRegenerate: boolean;
  onRegenerate: () => void;
}

const ENDINGS = {
  stopped: "Stopped",
  interrupted: "Interrupted: the server restarted while this answer was being written",
} as const;

export function AssistantMessage({ message, streaming, canRegenerate, onRegenerate }: AssistantMessageProps) {
  const reasoning = message.parts.map((part) => (part.type === "reasoning" ? part.text : "")).join("");
  const answer = message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("")
    .replace(/^\s+/, "");
  const answering = message.parts.some((part) => part.type === "text");
  const metadata = message.metadata;
  const ending =
    metadata?.state === "stopped" || metadata?.state === "interrupted" ? ENDINGS[metadata.state] : null;

  return (
    <article data-testid="message-assistant" className="flex flex-col gap-2">
      {reasoning && (
        <ReasoningBlock
          text={reasoning}
          thinking={streaming && !answering}
          durationMs={metadata?.timing?.reasoningMs}
        />
      )}
      {answer && (
        <div data-testid="answer" className="min-w-0">
          <Markdown text={answer} streaming={streaming} />
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
          <MessageActions answer={answer} canRegenerate={canRegenerate} onRegenerate={onRegenerate} />
          {metadata?.rules && <AppliedRules rules={metadata.rules} finishReason={metadata.finishReason} />}
        </div>
      )}
    </article>
  );
}
