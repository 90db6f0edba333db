"use client";

import { Markdown } from "@/components/markdown/markdown";
import { AppliedRules } from "./applied-rules";
import type { ChatMessage } from "./chat-message";
import { ReasoningBlock } from "./reasoning-block";

export function AssistantMessage({ message, streaming }: { message: ChatMessage; streaming: boolean }) {
  const reasoning = message.parts.map((part) => (part.type === "reasoning" ? part.text : "")).join("");
  const answer = message.parts
    .map((part) => (part.type === "text" ? part.text : ""))
    .join("")
    .replace(/^\s+/, "");
  const answering = message.parts.some((part) => part.type === "text");
  const metadata = message.metadata;

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
      {!streaming && metadata?.rules && (
        <AppliedRules rules={metadata.rules} finishReason={metadata.finishReason} />
      )}
    </article>
  );
}
