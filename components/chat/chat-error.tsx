"use client";

import { z } from "zod";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Messages } from "@/lib/i18n/messages";

const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .object({
        limit: z.enum(["owner_rate", "ip_rate", "owner_streams", "upstream_streams"]),
        retryAfterSeconds: z.number(),
      })
      .optional(),
  }),
});

/**
 * Errors reach the browser either as a stream error message or as a JSON error body from the route;
 * a limit the request ran into is worded in the reader's language.
 */
function readableMessage(error: Error, t: Messages): string {
  let json: unknown;
  try {
    json = JSON.parse(error.message);
  } catch {
    return error.message || t.chatError.fallback;
  }
  const body = errorBodySchema.safeParse(json);
  if (!body.success) return error.message || t.chatError.fallback;
  const { message, details } = body.data.error;
  if (!details) return message;
  const worded = t.chatError.limits[details.limit];
  return typeof worded === "string" ? worded : worded(details.retryAfterSeconds);
}

export function ChatError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div
      role="alert"
      data-testid="chat-error"
      className="mb-2 flex items-start justify-between gap-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-red-900 text-sm dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
    >
      <span>{readableMessage(error, t)}</span>
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
