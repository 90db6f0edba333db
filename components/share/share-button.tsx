"use client";

import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ShareDialog } from "./share-dialog";

interface ShareButtonProps {
  conversationId: string;
  title: string;
  /** While an answer is being written the snapshot would catch it half-way. */
  disabled?: boolean;
  /** The widget's identity header; the browser's cookie when absent. */
  requestHeaders?: Record<string, string>;
}

/** The chat header's Share button and the dialog it opens. */
export function ShareButton({ conversationId, title, disabled = false, requestHeaders }: ShareButtonProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        data-testid="share-button"
        disabled={disabled}
        onClick={() => setOpen(true)}
        aria-label={t.share.shareConversation(title)}
        className="whitespace-nowrap rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        {t.share.button}
      </button>
      {open && (
        <ShareDialog
          conversationId={conversationId}
          title={title}
          requestHeaders={requestHeaders}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
