"use client";

import { memo, type ReactNode } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { StopwatchIcon } from "@/components/latency/stopwatch-icon";
import { SettingsMenu } from "@/components/settings/settings-menu";
import { ShareButton } from "@/components/share/share-button";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import { ModelBadge } from "./model-badge";
import { PersonaSettings } from "./persona-settings";

interface ChatHeaderProps {
  title: string;
  conversationId: string;
  /** Whether there is anything to share yet. */
  canShare: boolean;
  busy: boolean;
  /** The widget's identity header, for the share dialog's requests. */
  requestHeaders?: Record<string, string>;
  persona: string;
  /** Absent where the persona is not the reader's to set (the widget takes its site's). */
  onPersonaChange?: (persona: string) => void;
  upstream: UpstreamSummary;
  latencyOverlay: boolean;
  onToggleOverlay: () => void;
  /** Absent where there is no sidebar (the widget). */
  onOpenSidebar?: () => void;
  /** Replaces the settings menu (the widget's own controls). */
  controls?: ReactNode;
}

/** The bar above the conversation; memoised, so a streamed chunk does not re-render it. */
export const ChatHeader = memo(function ChatHeader({
  title,
  conversationId,
  canShare,
  busy,
  requestHeaders,
  persona,
  onPersonaChange,
  upstream,
  latencyOverlay,
  onToggleOverlay,
  onOpenSidebar,
  controls,
}: ChatHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="flex items-center justify-between gap-2 border-zinc-200 border-b px-2 py-2 sm:gap-3 sm:px-4 dark:border-zinc-800">
      <div className="flex min-w-0 items-center gap-1 sm:gap-2">
        <button
          type="button"
          hidden={!onOpenSidebar}
          onClick={onOpenSidebar}
          aria-label={t.sidebar.openMenu}
          data-testid="open-sidebar"
          className="rounded-md px-2 py-1 text-lg md:hidden"
        >
          ☰
        </button>
        <h1 data-testid="chat-title" className="truncate font-semibold text-base">
          {title}
        </h1>
      </div>
      <div className="flex shrink-0 items-center gap-0.5 sm:gap-2">
        {canShare && (
          <ShareButton
            conversationId={conversationId}
            title={title}
            disabled={busy}
            requestHeaders={requestHeaders}
          />
        )}
        {onPersonaChange && <PersonaSettings persona={persona} onChange={onPersonaChange} />}
        <ModelBadge upstream={upstream} />
        <button
          type="button"
          data-testid="latency-toggle"
          aria-pressed={latencyOverlay}
          onClick={onToggleOverlay}
          title={t.latency.toggle}
          className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 aria-pressed:bg-zinc-200 dark:text-zinc-400 dark:aria-pressed:bg-zinc-700 dark:hover:bg-zinc-800"
        >
          <StopwatchIcon />
          <span className="sr-only">{t.latency.toggle}</span>
        </button>
        {controls ?? <SettingsMenu />}
      </div>
    </header>
  );
});
