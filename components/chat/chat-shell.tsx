"use client";

import { useCallback, useEffect, useState } from "react";
import { Sidebar } from "@/components/sidebar/sidebar";
import { newConversationId } from "@/lib/chat/conversation-id";
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
  // A new chat started here, without a round trip to the server; cleared when the page's props change.
  const [newChatId, setNewChatId] = useState<string | null>(null);
  const [shownPropsId, setShownPropsId] = useState(conversationId);
  if (shownPropsId !== conversationId) {
    setShownPropsId(conversationId);
    setNewChatId(null);
    setActiveId(conversation?.id);
  }

  const startNewChat = useCallback(() => {
    setNewChatId(newConversationId());
    setActiveId(undefined);
    setDrawerOpen(false);
    window.history.pushState(null, "", "/");
  }, []);

  useEffect(() => {
    const onHistory = () => setNewChatId(null);
    window.addEventListener("popstate", onHistory);
    return () => window.removeEventListener("popstate", onHistory);
  }, []);

  const shownId = newChatId ?? conversationId;

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
        onNewChat={startNewChat}
        onOpen={(id) => {
          setDrawerOpen(false);
          // Opening the conversation this page was rendered for brings no new props: leave the new chat here.
          if (id === conversationId) setNewChatId(null);
        }}
        onChanged={refreshConversations}
      />
      <ChatApp
        key={shownId}
        conversationId={shownId}
        upstream={upstream}
        conversation={newChatId ? null : conversation}
        listedTitle={conversations.find((listed) => listed.id === shownId)?.title}
        onNewChat={startNewChat}
        onOpenSidebar={() => setDrawerOpen(true)}
        onConversationStarted={(id, title) => {
          setActiveId(id);
          // Listed at once, as the server will name it: asked now, the server might not have stored it yet.
          // The list is read again when the answer ends.
          const now = new Date().toISOString();
          setConversations((listed) =>
            listed.some((conversation) => conversation.id === id)
              ? listed
              : [{ id, title, createdAt: now, updatedAt: now }, ...listed],
          );
        }}
        onTurnFinished={refreshConversations}
      />
    </div>
  );
}
