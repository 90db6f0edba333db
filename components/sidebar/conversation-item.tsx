"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ShareDialog } from "@/components/share/share-dialog";
import type { ConversationSummary } from "@/lib/db";
import { ItemIcon } from "./item-icon";

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
  const [sharing, setSharing] = useState(false);

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
        // A conversation page is rendered per request from storage, so a prefetch brings nothing to show;
        // with Next's default every listed conversation cost the server a request on each page load, and a
        // new chat's entry cost one just as its first question went out.
        prefetch={false}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className="min-w-0 flex-1 truncate px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-accent"
      >
        {conversation.title}
      </Link>
      <ItemAction
        testId="share-conversation"
        label={t.share.shareConversation(conversation.title)}
        onClick={() => setSharing(true)}
      >
        <ItemIcon name="share" />
      </ItemAction>
      {sharing && (
        <ShareDialog
          conversationId={conversation.id}
          title={conversation.title}
          onClose={() => setSharing(false)}
        />
      )}
      <ItemAction
        testId="rename-conversation"
        label={t.sidebar.renameConversation(conversation.title)}
        onClick={() => setEditing(true)}
      >
        <ItemIcon name="rename" />
      </ItemAction>
      <ItemAction
        testId="delete-conversation"
        label={t.sidebar.deleteConversation(conversation.title)}
        onClick={() => void remove()}
        className="px-1.5 hover:text-red-600"
      >
        <ItemIcon name="delete" />
      </ItemAction>
    </li>
  );
}

/** An icon button of a conversation item, shown on hover or focus on wide screens, always on narrow ones. */
function ItemAction({
  testId,
  label,
  onClick,
  className = "px-1",
  children,
}: {
  testId: string;
  label: string;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={onClick}
      aria-label={label}
      className={`${className} text-zinc-500 focus:opacity-100 group-hover:opacity-100 md:opacity-0`}
    >
      {children}
    </button>
  );
}
