"use client";

import Link from "next/link";
import { useEffect } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ConversationSummary } from "@/lib/db";
import { ConversationItem } from "./conversation-item";

interface SidebarProps {
  conversations: ConversationSummary[];
  activeId?: string;
  /** On narrow screens the sidebar is a drawer; on wide screens it is always shown. */
  open: boolean;
  onClose: () => void;
  onNewChat: () => void;
  onOpen: (conversationId: string) => void;
  onChanged: () => void;
}

export function Sidebar({
  conversations,
  activeId,
  open,
  onClose,
  onNewChat,
  onOpen,
  onChanged,
}: SidebarProps) {
  const { t } = useI18n();
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);

  return (
    <>
      {open && (
        <button
          type="button"
          aria-label={t.sidebar.closeMenu}
          className="fixed inset-0 z-30 bg-black/40 md:hidden"
          onClick={onClose}
        />
      )}
      <nav
        data-testid="sidebar"
        aria-label={t.sidebar.conversations}
        className={`${open ? "fixed inset-y-0 left-0 z-40 flex shadow-xl" : "hidden"} w-72 shrink-0 flex-col border-zinc-200 border-r bg-zinc-50 md:static md:flex md:shadow-none dark:border-zinc-800 dark:bg-zinc-900`}
      >
        <div className="flex items-center justify-between gap-2 p-3">
          <button
            type="button"
            data-testid="new-chat"
            onClick={onNewChat}
            className="flex-1 rounded-lg border border-zinc-300 px-3 py-2 text-center font-medium text-sm hover:bg-white focus-visible:outline-2 focus-visible:outline-accent dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            + {t.sidebar.newChat}
          </button>
          <button
            type="button"
            onClick={onClose}
            aria-label={t.sidebar.closeMenu}
            className="rounded-md px-2 py-1 text-zinc-500 md:hidden"
          >
            ✕
          </button>
        </div>
        <ul className="flex-1 overflow-y-auto px-2 pb-3" data-testid="conversation-list">
          {conversations.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              conversation={conversation}
              active={conversation.id === activeId}
              onNavigate={() => onOpen(conversation.id)}
              onChanged={onChanged}
            />
          ))}
        </ul>
        {[
          { href: "/shares", testId: "shares-link", label: t.share.myShares },
          { href: "/status", testId: "status-link", label: t.status.title },
        ].map(({ href, testId, label }) => (
          <Link
            key={href}
            href={href}
            // Both pages are rendered per request (see the conversation links).
            prefetch={false}
            data-testid={testId}
            className="border-zinc-200 border-t px-4 py-2 text-sm text-zinc-600 hover:underline dark:border-zinc-800 dark:text-zinc-400"
          >
            {label}
          </Link>
        ))}
      </nav>
    </>
  );
}
