"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { copyText } from "@/components/markdown/copy-text";
import { absoluteUrl } from "./share-api";

const FEEDBACK_MS = 2_000;

/**
 * Copies the share's full URL and says whether that worked, for a moment (announced to screen readers).
 * The URL is made on click, from the site the owner is using, so the button also renders on the server.
 */
export function CopyLinkButton({ path }: { path: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const label = state === "copied" ? t.share.copied : state === "failed" ? t.share.copyFailed : t.share.copy;
  return (
    <button
      type="button"
      data-testid="share-copy"
      onClick={async () => setState((await copyText(absoluteUrl(path))) ? "copied" : "failed")}
      className="shrink-0 rounded-md bg-accent px-3 py-1.5 font-medium text-sm text-white focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2"
    >
      <span aria-live="polite">{label}</span>
    </button>
  );
}
