"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { useMemo, useRef, useState } from "react";
import { messageMetadataSchema } from "@/lib/chat/metadata";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import { ChatError } from "./chat-error";
import type { ChatMessage } from "./chat-message";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { ModelBadge } from "./model-badge";
import { PersonaSettings } from "./persona-settings";

export function ChatApp({ upstream }: { upstream: UpstreamSummary }) {
  const [persona, setPersona] = useState("");
  // The transport is created once; it reads the persona at send time through the ref.
  const personaRef = useRef(persona);
  personaRef.current = persona;
  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        body: () => (personaRef.current.trim() ? { persona: personaRef.current } : {}),
      }),
    [],
  );
  const { messages, sendMessage, stop, status, error, regenerate, clearError } = useChat<ChatMessage>({
    transport,
    messageMetadataSchema,
    experimental_throttle: 32,
  });
  const busy = status === "submitted" || status === "streaming";

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex items-center justify-between gap-3 border-zinc-200 border-b px-4 py-2 dark:border-zinc-800">
        <h1 className="whitespace-nowrap font-semibold text-base">r1-chat</h1>
        <div className="flex min-w-0 items-center gap-2">
          <PersonaSettings persona={persona} onChange={setPersona} />
          <ModelBadge upstream={upstream} />
        </div>
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
