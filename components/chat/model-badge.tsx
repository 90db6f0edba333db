"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";

export function ModelBadge({ upstream }: { upstream: UpstreamSummary }) {
  const { t } = useI18n();
  const name = upstream.model?.split("/").at(-1) ?? t.modelBadge.unavailable;
  return (
    <span
      data-testid="model-badge"
      title={upstream.simulated ? t.modelBadge.simulatedTooltip : upstream.model}
      className={`inline-flex min-w-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 font-medium text-xs ${
        upstream.simulated
          ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
          : "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
      }`}
    >
      {upstream.simulated && (
        <>
          {/* A phone's header has no room for the whole label; the tooltip and the status page explain it. */}
          <span className="sm:hidden">{t.modelBadge.simulatedShort}</span>
          <span className="hidden sm:inline">{t.modelBadge.simulated}</span>
        </>
      )}
      <span
        className={`max-w-24 truncate sm:max-w-48 ${upstream.simulated ? "hidden before:content-['·_'] sm:inline" : ""}`}
      >
        {name}
      </span>
    </span>
  );
}
