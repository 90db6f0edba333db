"use client";

import { generateId } from "ai";
import { useEffect, useState } from "react";
import type { LoadedConversation } from "@/lib/chat/conversations";
import { OWNER_HEADER } from "@/lib/owner/header";
import {
  type StoredWidgetSession,
  storedWidgetSessionSchema,
  WIDGET_SESSION_KEY,
  widgetSessionResponseSchema,
} from "@/lib/widget/session";

export interface WidgetSession {
  requestHeaders: Record<string, string>;
  conversationId: string;
  conversation: LoadedConversation | null;
}

function readStored(): StoredWidgetSession | undefined {
  try {
    const parsed = storedWidgetSessionSchema.safeParse(
      JSON.parse(localStorage.getItem(WIDGET_SESSION_KEY) ?? "null"),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function store(session: StoredWidgetSession): void {
  try {
    localStorage.setItem(WIDGET_SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage can be unavailable in a third-party frame; the chat still works until the page is reloaded.
  }
}

async function resumeConversation(id: string, headers: Record<string, string>) {
  const response = await fetch(`/api/conversations/${id}`, { headers, cache: "no-store" });
  return response.ok ? ((await response.json()) as LoadedConversation) : null;
}

/**
 * The widget's identity and conversation. The server-issued token lives in the frame's own storage (which
 * browsers keep per host site), so a reload of the host page finds the same conversation again.
 */
export function useWidgetSession() {
  const [session, setSession] = useState<WidgetSession>();

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const stored = readStored();
      const response = await fetch("/api/embed/session", {
        method: "POST",
        headers: stored ? { [OWNER_HEADER]: stored.token } : {},
      });
      const { token } = widgetSessionResponseSchema.parse(await response.json());
      const requestHeaders = { [OWNER_HEADER]: token };
      const resumed =
        stored?.conversationId && token === stored.token
          ? await resumeConversation(stored.conversationId, requestHeaders)
          : null;
      store({ token, conversationId: resumed?.id });
      if (!cancelled) {
        setSession({ requestHeaders, conversation: resumed, conversationId: resumed?.id ?? generateId() });
      }
    })().catch((error) => console.error("[R1Chat] could not start the widget's session:", error));
    return () => {
      cancelled = true;
    };
  }, []);

  const token = session?.requestHeaders[OWNER_HEADER];
  return {
    session,
    /** The conversation this widget shows from now on, also after a reload. */
    rememberConversation: (conversationId: string) => {
      if (token) store({ token, conversationId });
    },
    startNewConversation: () => {
      if (!session || !token) return;
      store({ token });
      setSession({ ...session, conversation: null, conversationId: generateId() });
    },
  };
}
