"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { HTML_LANG } from "@/lib/i18n/locale";
import { CopyLinkButton } from "./copy-link-button";
import { absoluteUrl, type OwnShare, shareApi } from "./share-api";

interface ShareDialogProps {
  conversationId: string;
  title: string;
  /** The widget's identity header; the browser's cookie when absent. */
  requestHeaders?: Record<string, string>;
  onClose: () => void;
}

const secondaryButtonClass =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Creates, shows, updates and revokes the conversation's share link. A native modal <dialog>: it keeps
 * focus inside and closes on Escape.
 */
export function ShareDialog({ conversationId, title, requestHeaders, onClose }: ShareDialogProps) {
  const { t, locale } = useI18n();
  const [api] = useState(() => shareApi(requestHeaders));
  const dialog = useRef<HTMLDialogElement>(null);
  // undefined while loading; null when the conversation has no live link.
  const [share, setShare] = useState<OwnShare | null | undefined>(undefined);
  const [showQuestion, setShowQuestion] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  useEffect(() => {
    dialog.current?.showModal();
    let current = true;
    api.find(conversationId).then(
      (found) => {
        if (!current) return;
        setShare(found);
        setShowQuestion(found?.showQuestion ?? false);
      },
      () => current && setStatus(t.share.failed),
    );
    return () => {
      current = false;
    };
  }, [api, conversationId, t]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setStatus("");
    try {
      await action();
    } catch {
      setStatus(t.share.failed);
    } finally {
      setBusy(false);
    }
  };

  const create = () => run(async () => setShare(await api.create(conversationId, showQuestion)));
  const update = () =>
    run(async () => {
      if (!share) return;
      setShare(await api.update(share.token, showQuestion));
      setStatus(t.share.updated);
    });
  const revoke = () => {
    if (!share || !window.confirm(t.share.confirmRevoke)) return;
    void run(async () => {
      await api.revoke(share.token);
      setShare(null);
      setStatus(t.share.revoked);
    });
  };

  const snapshotDate = share
    ? new Intl.DateTimeFormat(HTML_LANG[locale], {
        dateStyle: "medium",
        timeStyle: "short",
      }).format(new Date(share.updatedAt))
    : "";

  return (
    <dialog
      ref={dialog}
      data-testid="share-dialog"
      aria-labelledby="share-dialog-title"
      onClose={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="share-dialog-title" className="font-semibold text-lg">
        {t.share.dialogTitle}
      </h2>
      <p className="mt-1 truncate text-sm text-zinc-500">{title}</p>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{t.share.explainer}</p>

      <label className="mt-4 flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          data-testid="share-show-question"
          checked={showQuestion}
          onChange={(event) => setShowQuestion(event.target.checked)}
          className="mt-1"
        />
        <span>
          {t.share.showQuestion}
          <span className="block text-xs text-zinc-500">{t.share.showQuestionHelp}</span>
        </span>
      </label>

      {share && (
        <div className="mt-4">
          <div className="flex gap-2">
            <input
              readOnly
              data-testid="share-url"
              aria-label={t.share.linkLabel}
              value={absoluteUrl(share.path)}
              onFocus={(event) => event.target.select()}
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
            />
            <CopyLinkButton path={share.path} />
          </div>
          <p className="mt-1 text-xs text-zinc-500">{t.share.snapshotFrom(snapshotDate)}</p>
        </div>
      )}

      <p
        data-testid="share-status"
        aria-live="polite"
        className="mt-3 min-h-5 text-sm text-zinc-600 dark:text-zinc-400"
      >
        {status}
      </p>

      <div className="mt-2 flex flex-wrap justify-end gap-2">
        {share === null && (
          <button
            type="button"
            data-testid="share-create"
            disabled={busy}
            onClick={() => void create()}
            className="rounded-md bg-accent px-3 py-1.5 font-medium text-sm text-white focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2 disabled:opacity-50"
          >
            {t.share.create}
          </button>
        )}
        {share && (
          <>
            <SecondaryButton testId="share-update" disabled={busy} onClick={() => void update()}>
              {t.share.update}
            </SecondaryButton>
            <SecondaryButton testId="share-revoke" disabled={busy} onClick={revoke} danger>
              {t.share.revoke}
            </SecondaryButton>
          </>
        )}
        <SecondaryButton testId="share-close" onClick={() => dialog.current?.close()}>
          {t.share.close}
        </SecondaryButton>
      </div>
    </dialog>
  );
}

function SecondaryButton({
  testId,
  onClick,
  disabled = false,
  danger = false,
  children,
}: {
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      className={danger ? `${secondaryButtonClass} text-red-700 dark:text-red-400` : secondaryButtonClass}
    >
      {children}
    </button>
  );
}
