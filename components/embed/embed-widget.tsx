"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { ChatApp, type EmbeddedChat } from "@/components/chat/chat-app";
import { useI18n } from "@/components/i18n/i18n-provider";
import { applyTheme } from "@/components/theme/apply-theme";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import type { EmbedOptions } from "@/lib/widget/embed-options";
import {
  hostMessageSchema,
  MAX_UNREAD,
  type WidgetMessage,
  type WidgetSize,
  widgetMessage,
} from "@/lib/widget/protocol";
import { handoffResponseSchema } from "@/lib/widget/session";
import { useWidgetSession } from "./use-widget-session";
import { WidgetControls } from "./widget-controls";

interface EmbedWidgetProps {
  options: EmbedOptions;
  upstream: UpstreamSummary;
  /** Shown until the widget's session is ready (the loader keeps the frame hidden until then). */
  placeholder?: ReactNode;
}

/** The chat in the widget frame, talking to the loader on the host page through the postMessage protocol. */
export function EmbedWidget({ options, upstream, placeholder }: EmbedWidgetProps) {
  const { t } = useI18n();
  const { session, rememberConversation, startNewConversation } = useWidgetSession();
  const hostOrigin = options.origin;
  const inline = options.inline === "1";
  const [size, setSize] = useState<WidgetSize>("compact");
  const openRef = useRef(inline);
  const [startedId, setStartedId] = useState<string>();
  const unreadRef = useRef(0);

  // Only the host page that framed us, at the origin the server checked, hears from the widget. Opened
  // directly, without a host, the page has no one to tell.
  const post = useCallback(
    (message: WidgetMessage) => {
      if (window.parent !== window) window.parent.postMessage(message, hostOrigin);
    },
    [hostOrigin],
  );
  const setUnread = useCallback(
    (count: number) => {
      unreadRef.current = Math.min(count, MAX_UNREAD);
      post(widgetMessage({ type: "unread", count: unreadRef.current }));
    },
    [post],
  );
  const close = useCallback(() => {
    openRef.current = false;
    post(widgetMessage({ type: "close" }));
  }, [post]);

  useEffect(() => {
    if (options.theme) applyTheme(options.theme);
  }, [options.theme]);

  const startNewChat = () => {
    setStartedId(undefined);
    startNewConversation();
  };

  const ready = session !== undefined;
  useEffect(() => {
    if (!ready) return;
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || event.origin !== hostOrigin) return;
      const parsed = hostMessageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === "open") {
        openRef.current = true;
        if (unreadRef.current > 0) setUnread(0);
        document.getElementById("composer-input")?.focus();
      } else if (message.type === "close") {
        openRef.current = false;
      } else {
        applyTheme(message.theme);
      }
    };
    window.addEventListener("message", onMessage);
    // Told only once the chat can take focus, so the loader's first "open" finds the composer.
    post(widgetMessage({ type: "ready" }));
    return () => window.removeEventListener("message", onMessage);
  }, [ready, hostOrigin, post, setUnread]);

  if (!session) return placeholder;
  const conversationId = session.conversation?.id ?? startedId;
  const { requestHeaders } = session;
  const embedded: EmbeddedChat = {
    title: options.title ?? t.widget.defaultTitle,
    requestHeaders,
    persona: options.persona ?? "",
    greeting: options.greeting && (
      <p data-testid="widget-greeting" className="mt-8 text-center text-zinc-600 dark:text-zinc-300">
        {options.greeting}
      </p>
    ),
    onEscape: close,
    controls: (
      <WidgetControls
        size={size}
        closable={!inline}
        onNewChat={startNewChat}
        onOpenFullSize={conversationId ? () => openFullSize(conversationId, requestHeaders) : undefined}
        onResize={(next) => {
          setSize(next);
          post(widgetMessage({ type: "resize", size: next }));
        }}
        onClose={close}
      />
    ),
  };
  return (
    <div className="flex h-dvh">
      {options.accent && (
        <div
          aria-hidden="true"
          className="fixed inset-x-0 top-0 h-1"
          style={{ background: options.accent }}
        />
      )}
      <ChatApp
        key={session.conversationId}
        conversationId={session.conversationId}
        conversation={session.conversation}
        upstream={upstream}
        embedded={embedded}
        onOpenSidebar={() => {}}
        onNewChat={startNewChat}
        onConversationStarted={(id) => {
          rememberConversation(id);
          setStartedId(id);
        }}
        onTurnFinished={() => {
          if (!openRef.current) setUnread(unreadRef.current + 1);
        }}
      />
    </div>
  );
}

/**
 * Opens a copy of the conversation in the app, in a tab of its own. The tab opens at once, while the click
 * still counts as the visitor's, and goes to the address once the server has given one.
 */
async function openFullSize(conversationId: string, requestHeaders: Record<string, string>) {
  const tab = window.open("", "_blank");
  const response = await fetch("/api/embed/handoff", {
    method: "POST",
    headers: { ...requestHeaders, "content-type": "application/json" },
    body: JSON.stringify({ conversationId }),
  });
  const parsed = handoffResponseSchema.safeParse(response.ok ? await response.json() : null);
  if (!tab) return;
  tab.opener = null;
  if (parsed.success) tab.location.href = parsed.data.url;
  else tab.close();
}
