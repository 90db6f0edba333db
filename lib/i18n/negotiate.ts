import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./locale";

/**
 * The UI language for a request: the `r1_locale` cookie when it holds a supported locale, otherwise the
 * supported language the browser ranks highest in Accept-Language (any `zh-*`, Traditional included, maps
 * to the Chinese UI), otherwise English.
 */
export function pickLocale(acceptLanguage: string | null, cookieValue?: string): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  let best: { locale: Locale; quality: number } | undefined;
  for (const range of (acceptLanguage ?? "").split(",")) {
    const [tag = "", ...params] = range.trim().split(";");
    const locale = supportedLocaleOf(tag.trim().toLowerCase());
    const quality = qualityOf(params);
    // Strictly greater: among equal weights the browser's own order decides.
    if (locale && quality > 0 && quality > (best?.quality ?? 0)) best = { locale, quality };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

function supportedLocaleOf(tag: string): Locale | undefined {
  const language = tag.split("-")[0];
  return isLocale(language) ? language : undefined;
}

/** RFC 9110 weight: `q=0` means "not acceptable"; a missing or malformed weight counts as 1. */
function qualityOf(params: string[]): number {
  for (const param of params) {
    const match = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
    if (match) {
      const quality = Number(match[1]);
      return Number.isFinite(quality) ? Math.min(1, quality) : 1;
    }
  }
  return 1;
}

/** pickLocale for a raw Request (route handlers that render outside React). */
export function localeOfRequest(request: Request): Locale {
  const cookie = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return pickLocale(request.headers.get("accept-language"), cookie);
}
