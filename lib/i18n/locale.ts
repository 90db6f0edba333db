export const LOCALES = ["en", "zh"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "r1_locale";
const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** Each language named in itself, so a reader finds their own language whatever the page is in. */
export const LOCALE_AUTONYMS: Record<Locale, string> = { en: "English", zh: "中文" };

/** The BCP 47 tag for `<html lang>`: the Chinese UI is Simplified Chinese, which fonts and screen readers need to know. */
export const HTML_LANG: Record<Locale, string> = { en: "en", zh: "zh-CN" };

export function isLocale(value: unknown): value is Locale {
  return value === "en" || value === "zh";
}

/** The `document.cookie` assignment that remembers the reader's choice for a year. */
export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; Path=/; SameSite=Lax`;
}
