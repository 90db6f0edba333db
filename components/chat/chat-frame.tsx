"use client";

import type { ChatStatus } from "ai";
import { type ReactNode, useCallback, useEffect } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useSettings } from "@/components/settings/settings-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";
import type { ChatViewProps } from "./chat-app";
import { ChatHeader } from "./chat-header";
import { MessageList } from "./message-list";

interface MessageActions {
  onEdit: (messageId: string, text: string) => void;
  onRegenerate: (messageId: string) => void;
  onShowTiming: (messageId: string) => void;
}

interface ChatFrameProps {
  view: ChatViewProps;
  messages: ChatMessage[];
  status: ChatStatus;
  /** What the messages' buttons do; absent while the engine loads, which leaves them disabled. */
  actions?: MessageActions;
  /** Stops the answer being written; absent while the engine loads. */
  onStop?: () => void;
  /** What sits under the messages: errors, the latency overlay, the composer. */
  children: ReactNode;
}

const ignore = () => {};

/** The chat's header, messages and composer, laid out the same before and after the chat engine loads. */
export function ChatFrame({ view, messages, status, actions, onStop, children }: ChatFrameProps) {
  const { t } = useI18n();
  const { settings } = useSettings();
  const toggleOverlay = useLatencyOverlayToggle();
  const { conversation, embedded } = view;
  const busy = status === "submitted" || status === "streaming";
  // The shortcuts work from the first paint on, before the engine has loaded.
  const { onNewChat } = view;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Escape in a modal dialog (sharing, say) closes that dialog, nothing else.
      if (event.key === "Escape" && event.target instanceof Element && event.target.closest("dialog[open]"))
        return;
      const mod = event.metaKey || event.ctrlKey;
      if (mod && event.shiftKey && event.key.toLowerCase() === "o") {
        event.preventDefault();
        onNewChat();
      } else if (mod && event.shiftKey && event.key.toLowerCase() === "l") {
        event.preventDefault();
        toggleOverlay();
      } else if (event.shiftKey && event.key === "Escape") {
        event.preventDefault();
        document.getElementById("composer-input")?.focus();
      } else if (event.key === "Escape" && busy) {
        event.preventDefault();
        onStop?.();
      } else if (event.key === "Escape" && embedded && !event.isComposing) {
        event.preventDefault();
        embedded.onEscape();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, embedded, onNewChat, onStop, toggleOverlay]);
  const list = (
    <MessageList
      messages={messages}
      status={status}
      emptyState={embedded?.greeting}
      onEdit={actions?.onEdit ?? ignore}
      onShowTiming={actions?.onShowTiming ?? ignore}
      onRegenerate={actions?.onRegenerate ?? ignore}
    />
  );
  return (
    <div className="flex h-dvh min-w-0 flex-1 flex-col">
      <ChatHeader
        title={embedded?.title ?? view.listedTitle ?? conversation?.title ?? t.app.name}
        conversationId={view.conversationId}
        canShare={Boolean(conversation) || messages.length > 0}
        requestHeaders={embedded?.requestHeaders}
        busy={busy}
        persona={view.persona}
        onPersonaChange={view.onPersonaChange}
        upstream={view.upstream}
        latencyOverlay={settings.latencyOverlay}
        onToggleOverlay={toggleOverlay}
        onOpenSidebar={embedded ? undefined : view.onOpenSidebar}
        controls={embedded?.controls}
      />
      {actions ? list : <Inactive>{list}</Inactive>}
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">{children}</div>
    </div>
  );
}

/** Shows or hides the latency overlay; keeps its identity while the setting does not change. */
export function useLatencyOverlayToggle(): () => void {
  const { settings, update } = useSettings();
  return useCallback(
    () => update({ latencyOverlay: !settings.latencyOverlay }),
    [settings.latencyOverlay, update],
  );
}

/** Disables the controls inside; `contents` gives it no box, so the layout matches the engine's. */
export function Inactive({ children }: { children: ReactNode }) {
  return (
    <fieldset disabled className="contents">
      {children}
    </fieldset>
  );
}
