"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { HTML_LANG, type Locale, localeCookie } from "@/lib/i18n/locale";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";

interface I18nContextValue {
  locale: Locale;
  /** The dictionary of the current locale: `t.composer.send`, `t.reasoning.thoughtFor(seconds)`. */
  t: Messages;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** `locale` is the server's pick (cookie, then Accept-Language), so the first paint is already translated. */
export function I18nProvider({ locale: initialLocale, children }: { locale: Locale; children: ReactNode }) {
  const [locale, setLocaleState] = useState(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    // The cookie lets the server render later visits in this language. The value is a fixed locale code,
    // and the Cookie Store API is not in every browser yet.
    // biome-ignore lint/suspicious/noDocumentCookie: see above.
    document.cookie = localeCookie(next);
    document.documentElement.lang = HTML_LANG[next];
    setLocaleState(next);
  }, []);
  const value = useMemo(() => ({ locale, t: MESSAGES[locale], setLocale }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n() needs an <I18nProvider> above it (app/layout.tsx renders one).");
  return value;
}
