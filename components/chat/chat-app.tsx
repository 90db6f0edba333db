"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useMemo } from "react";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import { ChatError } from "./chat-error";
import { Composer } from "./composer";
import { type ChatMessage, chatMessageMetadataSchema } from "./chat-message";
import { MessageList } from "./message-list";
import { ModelBadge } from "./model-badge";

export function ChatApp({ upstream }: { upstream: UpstreamSummary }) {
  const transport = useMemo(() => new DefaultChatTransport<ChatMessage>({ api: "/api/chat" }), []);
  const { messages, sendMessage, stop, status, error, regenerate, clearError } = useChat<ChatMessage>({
    transport,
    messageMetadataSchema: chatMessageMetadataSchema,
    experimental_throttle: 32,
  });
  const busy = status === "submitted" || status === "streaming";

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center justify-between gap-3 border-zinc-200 border-b px-4 py-2 dark:border-zinc-800">
        <h1 className="font-semibold text-base">r1-chat</h1>
        <ModelBadge upstream={upstream} />
      </header>
      <MessageList messages={messages} status={status} />
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">
        {error && (
          <ChatError
            error={error}
            onRetry={() => {
              clearError();
              void regenerate();
            }}
          />
        )}
        <Composer
          busy={busy}
          onSend={(text) => {
            if (error) clearError();
            void sendMessage({ text });
          }}
          onStop={() => void stop()}
        />
      </div>
    </div>
  );
}
