"use client";

import { type ReactNode, useEffect, useState } from "react";
import type { LoadedConversation } from "@/lib/chat/conversations";
import type { UpstreamSummary } from "@/lib/upstream/describe-upstream";
import { ChatFrame, Inactive } from "./chat-frame";
import { Composer } from "./composer";
import { loadChatEngine, loadedChatEngine } from "./load-chat-engine";

/** The chat inside another site's page (/embed): its own header controls, identity header and persona. */
export interface EmbeddedChat {
  title: string;
  /** Sent with every request: the widget's identity travels in a header, as its frame cannot count on cookies. */
  requestHeaders: Record<string, string>;
  /** The site's persona, folded into the first question like the one set in the app. */
  persona: string;
  /** Shown before the first question instead of the app's empty state. */
  greeting?: ReactNode;
  controls: ReactNode;
  /** Escape when no answer is being written: the widget closes (key presses in its frame never reach the host). */
  onEscape: () => void;
}

export interface ChatAppProps {
  conversationId: string;
  upstream: UpstreamSummary;
  conversation: LoadedConversation | null;
  /** The title the conversation list shows: it follows renames, and names a chat started on this page. */
  listedTitle?: string;
  onOpenSidebar: () => void;
  onNewChat: () => void;
  /** The first question of a new chat was sent; `title` is the one the server gives the conversation. */
  onConversationStarted: (id: string, title: string) => void;
  onTurnFinished: () => void;
  embedded?: EmbeddedChat;
}

/** What the chat engine and its placeholder show; the persona outlives the swap from one to the other. */
export interface ChatViewProps extends ChatAppProps {
  persona: string;
  /** Absent where the persona is not the reader's to set (the widget takes its site's). */
  onPersonaChange?: (persona: string) => void;
}

/**
 * The chat. The server renders the stored conversation and the composer, so the page is readable at once;
 * the engine that sends and streams loads right after hydration and takes their place without a shift.
 */
export function ChatApp(props: ChatAppProps) {
  const [persona, setPersona] = useState(props.embedded?.persona ?? "");
  const [Engine, setEngine] = useState(loadedChatEngine);
  const hasStoredMessages = (props.conversation?.messages.length ?? 0) > 0;
  useEffect(() => {
    if (Engine) return;
    let current = true;
    void loadChatEngine(hasStoredMessages).then((engine) => {
      if (current) setEngine(() => engine);
    });
    return () => {
      current = false;
    };
  }, [Engine, hasStoredMessages]);

  const view: ChatViewProps = {
    ...props,
    persona,
    onPersonaChange: props.embedded ? undefined : setPersona,
  };
  return Engine ? <Engine {...view} /> : <StoredChat view={view} />;
}

const ignore = () => {};

/** The conversation as stored, with the composer, all inactive until the engine arrives. */
function StoredChat({ view }: { view: ChatViewProps }) {
  return (
    <ChatFrame
      view={view}
      messages={view.conversation?.messages ?? []}
      status={view.conversation?.answering ? "streaming" : "ready"}
    >
      <Inactive>
        <Composer busy={view.conversation?.answering ?? false} onSend={ignore} onStop={ignore} />
      </Inactive>
    </ChatFrame>
  );
}
