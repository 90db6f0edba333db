import type { Metadata } from "next";
import { LazyEmbedWidget } from "@/components/embed/lazy-embed-widget";
import { WidgetSkeleton } from "@/components/embed/widget-skeleton";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server";
import { describeUpstream } from "@/lib/upstream/describe-upstream";
import { isEmbedAllowed } from "@/lib/widget/allowed-origins";
import { embedOptionsSchema } from "@/lib/widget/embed-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "r1-chat widget", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The chat as another site's page frames it (the loader, public/widget.js, builds this address). */
export default async function EmbedPage({ searchParams }: Props) {
  const options = embedOptionsSchema.safeParse(await searchParams);
  const locale = (options.success && options.data.lang) || (await getRequestLocale());
  if (!options.success || !isEmbedAllowed(options.data.origin)) {
    return <p className="p-4 text-sm">{MESSAGES[locale].widget.refused}</p>;
  }
  return (
    // The site's language wins over the visitor's cookie and Accept-Language inside its widget.
    <I18nProvider locale={locale}>
      <LazyEmbedWidget
        options={options.data}
        upstream={await describeUpstream()}
        placeholder={
          <WidgetSkeleton
            t={MESSAGES[locale]}
            title={options.data.title ?? MESSAGES[locale].widget.defaultTitle}
            greeting={options.data.greeting}
          />
        }
      />
    </I18nProvider>
  );
}
