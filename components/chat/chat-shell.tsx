"use client";

import { useCallback, useState } from "react";
import { Sidebar } from "@/components/sidebar/sidebar";
import type { LoadedConversation } from "@/lib/chat/conversations";
import type { ConversationSummary } from "@/lib/db";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import { ChatApp } from "./chat-app";

interface ChatShellProps {
  upstream: UpstreamSummary;
  conversations: ConversationSummary[];
  conversation: LoadedConversation | null;
  /** The conversation's id; for a new chat, a fresh one for each visit to the new-chat page. */
  conversationId: string;
}

export function ChatShell({
  upstream,
  conversations: initial,
  conversation,
  conversationId,
}: ChatShellProps) {
  const [conversations, setConversations] = useState(initial);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [activeId, setActiveId] = useState(conversation?.id);

  const refreshConversations = useCallback(async () => {
    const response = await fetch("/api/conversations", { cache: "no-store" });
    if (response.ok)
      setConversations(((await response.json()) as { conversations: ConversationSummary[] }).conversations);
  }, []);

  return (
    <div className="flex h-dvh">
      <Sidebar
        conversations={conversations}
        activeId={activeId}
        open={drawerOpen}
        onClose={() => setDrawerOpen(false)}
        onChanged={refreshConversations}
      />
      <ChatApp
        key={conversationId}
        conversationId={conversationId}
        upstream={upstream}
        conversation={conversation}
        onOpenSidebar={() => setDrawerOpen(true)}
        onConversationStarted={(id) => {
          setActiveId(id);
          void refreshConversations();
        }}
        onTurnFinished={refreshConversations}
      />
    </div>
  );
}
