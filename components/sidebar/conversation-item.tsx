"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ConversationSummary } from "@/lib/db";

interface ConversationItemProps {
  conversation: ConversationSummary;
  active: boolean;
  onNavigate: () => void;
  onChanged: () => void;
}

export function ConversationItem({ conversation, active, onNavigate, onChanged }: ConversationItemProps) {
  const router = useRouter();
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(conversation.title);

  const rename = async () => {
    setEditing(false);
    const next = title.trim();
    if (!next || next === conversation.title) {
      setTitle(conversation.title);
      return;
    }
    await fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: next }),
    });
    onChanged();
  };

  const remove = async () => {
    if (!window.confirm(t.sidebar.confirmDelete(conversation.title))) return;
    await fetch(`/api/conversations/${conversation.id}`, { method: "DELETE" });
    onChanged();
    if (active) router.push("/");
  };

  if (editing) {
    return (
      <li className="py-0.5">
        <input
          data-testid="rename-input"
          aria-label={t.sidebar.titleLabel}
          value={title}
          maxLength={200}
          onChange={(event) => setTitle(event.target.value)}
          onBlur={() => void rename()}
          onKeyDown={(event) => {
            if (event.key === "Enter") void rename();
            if (event.key === "Escape") {
              setTitle(conversation.title);
              setEditing(false);
            }
          }}
          // biome-ignore lint/a11y/noAutofocus: the input appears because the user asked to rename.
          autoFocus
          className="w-full rounded-md border border-accent bg-white px-2 py-1.5 text-sm dark:bg-zinc-950"
        />
      </li>
    );
  }

  return (
    <li
      data-testid="conversation-item"
      className={`group flex items-center rounded-md text-sm ${active ? "bg-zinc-200 dark:bg-zinc-800" : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"}`}
    >
      <Link
        href={`/c/${conversation.id}`}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-accent"
      >
        {conversation.title}
      </Link>
      <button
        type="button"
        data-testid="rename-conversation"
        onClick={() => setEditing(true)}
        aria-label={t.sidebar.renameConversation(conversation.title)}
        className="px-1 text-zinc-500 focus:opacity-100 group-hover:opacity-100 md:opacity-0"
      >
        ✎
      </button>
      <button
        type="button"
        data-testid="delete-conversation"
        onClick={() => void remove()}
        aria-label={t.sidebar.deleteConversation(conversation.title)}
        className="px-1.5 text-zinc-500 hover:text-red-600 focus:opacity-100 group-hover:opacity-100 md:opacity-0"
      >
        🗑
      </button>
    </li>
  );
}
