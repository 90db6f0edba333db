"use client";

import type { ChatStatus } from "ai";
import { useEffect, useRef } from "react";
import { AssistantMessage } from "./assistant-message";
import type { ChatMessage } from "./chat-message";
import { UserMessage } from "./user-message";

/** Within this distance of the bottom the list keeps following the stream; scrolling up releases it. */
const STICK_THRESHOLD_PX = 80;

export function MessageList({ messages, status }: { messages: ChatMessage[]; status: ChatStatus }) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const streaming = status === "submitted" || status === "streaming";

  useEffect(() => {
    const scroller = scrollerRef.current;
    if (scroller && stickToBottom.current) scroller.scrollTop = scroller.scrollHeight;
  });

  return (
    <div
      ref={scrollerRef}
      onScroll={(event) => {
        const el = event.currentTarget;
        stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_THRESHOLD_PX;
      }}
      className="flex-1 overflow-y-auto"
    >
      <div
        data-testid="chat-messages"
        role="log"
        aria-busy={streaming}
        aria-live="polite"
        className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6"
      >
        {messages.length === 0 && <EmptyState />}
        {messages.map((message, index) =>
          message.role === "user" ? (
            <UserMessage key={message.id} message={message} />
          ) : (
            <AssistantMessage
              key={message.id}
              message={message}
              streaming={streaming && index === messages.length - 1}
            />
          ),
        )}
        {status === "submitted" && messages.at(-1)?.role === "user" && <WaitingForFirstToken />}
      </div>
    </div>
  );
}

function EmptyState() {
  return (
    <div className="mt-16 text-center text-zinc-500">
      <p className="font-medium text-lg text-zinc-700 dark:text-zinc-300">Ask a reasoning question</p>
      <p className="mt-1 text-sm">The model thinks first, then answers. Maths is rendered as it streams.</p>
    </div>
  );
}

function WaitingForFirstToken() {
  return (
    <div className="text-sm text-zinc-500" data-testid="waiting">
      <span className="animate-pulse">Waiting for the model…</span>
    </div>
  );
}
