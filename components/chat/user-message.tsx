"use client";

import { memo, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";

interface UserMessageProps {
  message: ChatMessage;
  editable: boolean;
  onEdit: (messageId: string, text: string) => void;
}

export const UserMessage = memo(function UserMessage({ message, editable, onEdit }: UserMessageProps) {
  const { t } = useI18n();
  const text = message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  const [draft, setDraft] = useState<string | null>(null);

  if (draft !== null) {
    const save = () => {
      const edited = draft.trim();
      setDraft(null);
      if (edited && edited !== text) onEdit(message.id, edited);
    };
    return (
      <div data-testid="message-user-editor" className="flex flex-col items-end gap-2">
        <textarea
          aria-label={t.messageActions.editLabel}
          data-testid="edit-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.nativeEvent.isComposing || event.keyCode === 229) return;
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              save();
            }
            if (event.key === "Escape") setDraft(null);
          }}
          rows={Math.min(8, Math.max(2, draft.split("\n").length))}
          // biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to edit.
          autoFocus
          className="w-full max-w-[85%] rounded-2xl border border-accent bg-white px-4 py-2 dark:bg-zinc-900"
        />
        <div className="flex gap-2 text-sm">
          <button
            type="button"
            onClick={() => setDraft(null)}
            className="rounded-md px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
          >
            {t.messageActions.cancel}
          </button>
          <button
            type="button"
            data-testid="edit-save"
            onClick={save}
            className="rounded-md bg-accent px-3 py-1 font-medium text-white hover:bg-accent-strong"
          >
            {t.messageActions.saveAndSend}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="group flex flex-col items-end gap-1">
      <div
        data-testid="message-user"
        className="max-w-[85%] whitespace-pre-wrap break-words rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800"
      >
        {text}
      </div>
      {/* Hidden rather than removed while an answer streams: the messages below keep their place. */}
      <button
        type="button"
        data-testid="edit-message"
        disabled={!editable}
        onClick={() => setDraft(text)}
        className={`${editable ? "" : "invisible "}rounded-md px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 focus:opacity-100 focus-visible:outline-2 focus-visible:outline-accent group-hover:opacity-100 md:opacity-0 dark:hover:bg-zinc-800`}
      >
        {t.messageActions.edit}
      </button>
    </div>
  );
});
