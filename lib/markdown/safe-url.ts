const ALLOWED_URL = /^(?:https?:\/\/|mailto:)/i;

/**
 * The URL itself if a model-written link may point there (http, https, mailto), else null.
 * An allow-list rather than a block-list, so `javascript:`, `data:`, `vbscript:` and spellings with
 * control characters in them are all refused; relative URLs too, since they would point into this app.
 */
export function safeLinkUrl(url: string): string | null {
  const trimmed = url.trim();
  return ALLOWED_URL.test(trimmed) ? trimmed : null;
}
