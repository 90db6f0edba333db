"use client";

import { useI18n } from "@/components/i18n/i18n-provider";

/** Errors reach the browser either as a stream error message or as a JSON error body from the route. */
function readableMessage(error: Error, fallback: string): string {
  try {
    const body = JSON.parse(error.message) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string") return body.error.message;
  } catch {
    // Not JSON: the message is already human text.
  }
  return error.message || fallback;
}

export function ChatError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div
      role="alert"
      data-testid="chat-error"
      className="mb-2 flex items-start justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900 text-sm dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
    >
      <span>{readableMessage(error, t.chatError.fallback)}</span>
      <button
        type="button"
        data-testid="retry"
        onClick={onRetry}
        className="shrink-0 rounded-md border border-red-300 px-2 py-0.5 font-medium hover:bg-red-100 dark:border-red-800 dark:hover:bg-red-900/50"
      >
        {t.chatError.retry}
      </button>
    </div>
  );
}
