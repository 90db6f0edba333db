import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "katex/dist/katex.min.css";
import "@/components/markdown/markdown.css";
import "./globals.css";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { SettingsProvider } from "@/components/settings/settings-provider";
import { ThemeScript } from "@/components/theme/theme-script";
import { HTML_LANG } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server";
import { requestNonce } from "@/lib/security/nonce";

export async function generateMetadata(): Promise<Metadata> {
  const { app } = MESSAGES[await getRequestLocale()];
  return { title: app.name, description: app.description };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b0f" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, nonce] = await Promise.all([getRequestLocale(), requestNonce()]);
  return (
    // The theme script sets the `dark` class on <html> before React hydrates.
    <html lang={HTML_LANG[locale]} suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body className="bg-white text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <I18nProvider locale={locale}>
          <SettingsProvider>{children}</SettingsProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
