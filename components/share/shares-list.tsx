"use client";

import Link from "next/link";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { HTML_LANG } from "@/lib/i18n/locale";
import { CopyLinkButton } from "./copy-link-button";
import { type OwnShare, shareApi } from "./share-api";

/** Every live link the owner has handed out, each with copy and revoke. */
export function SharesList({ initial }: { initial: OwnShare[] }) {
  const { t, locale } = useI18n();
  const [shares, setShares] = useState(initial);
  const [status, setStatus] = useState("");
  const format = new Intl.DateTimeFormat(HTML_LANG[locale], { dateStyle: "medium", timeStyle: "short" });

  const revoke = async (share: OwnShare) => {
    if (!window.confirm(t.share.confirmRevoke)) return;
    try {
      await shareApi().revoke(share.token);
      setShares((current) => current.filter((item) => item.token !== share.token));
      setStatus(t.share.revoked);
    } catch {
      setStatus(t.share.failed);
    }
  };

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <p>
        <Link href="/" className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
          ← {t.app.name}
        </Link>
      </p>
      <h1 className="mt-2 font-semibold text-2xl">{t.share.myShares}</h1>
      <p aria-live="polite" className="mt-2 min-h-5 text-sm text-zinc-600 dark:text-zinc-400">
        {status}
      </p>
      {shares.length === 0 ? (
        <p className="mt-4 text-zinc-600 dark:text-zinc-400">{t.share.noShares}</p>
      ) : (
        <ul data-testid="shares-list" className="mt-4 divide-y divide-zinc-200 dark:divide-zinc-800">
          {shares.map((share) => (
            <li key={share.token} data-testid="share-item" className="flex flex-wrap items-center gap-3 py-3">
              {/* On a phone the title takes the whole row and the actions wrap below it. */}
              <div className="min-w-0 flex-1 basis-full sm:basis-0">
                <a href={share.path} className="block truncate font-medium hover:underline">
                  {share.title}
                </a>
                <p className="text-xs text-zinc-500">
                  {t.share.snapshotFrom(format.format(new Date(share.updatedAt)))}
                </p>
              </div>
              <Link
                href={`/c/${share.conversationId}`}
                className="text-sm text-zinc-600 hover:underline dark:text-zinc-400"
              >
                {t.share.manage}
              </Link>
              <CopyLinkButton path={share.path} />
              <button
                type="button"
                data-testid="share-item-revoke"
                onClick={() => void revoke(share)}
                className="rounded-md border border-zinc-300 px-3 py-1.5 text-red-700 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:text-red-400 dark:hover:bg-zinc-800"
              >
                {t.share.revoke}
              </button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
