"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, uiMessageChunkSchema } from "ai";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { LatencyOverlay } from "@/components/latency/latency-overlay";
import { useSettings } from "@/components/settings/settings-provider";
import { type ChatMessage, withAnswerStopped } from "@/lib/chat/chat-message";
import { conversationTitle } from "@/lib/chat/conversation-title";
import { messageMetadataSchema } from "@/lib/chat/metadata";
import { UPDATES_PER_SECOND } from "@/lib/smooth-text/use-smooth-text";
import { chatFetch, startStreamWorker } from "@/lib/stream-worker/chat-fetch";
import { browserTimings } from "@/lib/timing/browser-timings";
import type { ChatViewProps } from "./chat-app";
import { ChatError } from "./chat-error";
import { ChatFrame } from "./chat-frame";
import { Composer } from "./composer";

/** The chat at work: the AI SDK's chat state and transport, loaded once the page has hydrated. */
export function ChatEngine(view: ChatViewProps) {
  const { conversationId, conversation, onConversationStarted, onTurnFinished, embedded, persona } = view;
  // The transport is created once; it reads the persona at send time through the ref.
  const personaRef = useRef(persona);
  personaRef.current = persona;

  const requestHeaders = embedded?.requestHeaders;
  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: "/api/chat",
        headers: requestHeaders,
        fetch: chatFetch,
        // The server keeps the conversation: send only the new question (or which answer to regenerate).
        prepareSendMessagesRequest: ({ id, messages, trigger, messageId }) => ({
          body: {
            id,
            trigger,
            messageId,
            message: trigger === "submit-message" ? messages.at(-1) : undefined,
            ...(personaRef.current.trim() ? { persona: personaRef.current } : {}),
          },
        }),
      }),
    [requestHeaders],
  );

  const finishTurn = (message: ChatMessage) => {
    onTurnFinished();
    // The browser's figures are stored with the answer, so a reload still shows both clocks.
    const timing = browserTimings.get(message.id, performance.now());
    if (timing && message.role === "assistant") {
      void fetch(`/api/conversations/${conversationId}/messages/${message.id}/timing`, {
        method: "PUT",
        headers: { ...requestHeaders, "content-type": "application/json" },
        body: JSON.stringify(timing),
      });
    }
  };

  // Set by Stop, so that only the answer it cut off is marked as stopped (not one a page change aborts).
  const stopPressed = useRef(false);
  const { messages, sendMessage, stop, status, error, regenerate, clearError, setMessages } =
    useChat<ChatMessage>({
      id: conversationId,
      messages: conversation?.messages,
      resume: conversation?.answering ?? false,
      transport,
      messageMetadataSchema,
      // Streamed text shows at most this often (see useSmoothText); handing the messages to React more
      // often re-renders the list for nothing new on screen.
      experimental_throttle: 1000 / UPDATES_PER_SECOND,
      // In a task of its own: the one that ends the stream also renders the finished answer, and the timing
      // summary sorts every gap between the answer's chunks (see bench/render).
      onFinish: ({ message, isAbort }) => {
        if (isAbort && stopPressed.current) setMessages((shown) => withAnswerStopped(shown, message.id));
        stopPressed.current = false;
        setTimeout(() => finishTurn(message), 0);
      },
    });
  // Set up what the first question needs before it is asked: the stream worker, and the schema the AI SDK
  // checks each streamed chunk against, which it builds on first use (in the task that receives the first
  // token, about 14 ms in a --profile trace of bench/render).
  useEffect(() => {
    const timer = setTimeout(() => {
      startStreamWorker();
      void uiMessageChunkSchema().validate?.({ type: "start" });
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  // Until useChat's effect has begun resuming an answer the server is still writing, its status says
  // "ready"; the answer stays shown as in progress, as the placeholder showed it, so Send never flickers.
  const [resumeStarted, setResumeStarted] = useState(!conversation?.answering);
  if (!resumeStarted && status !== "ready") setResumeStarted(true);
  const shownStatus = resumeStarted ? status : "streaming";
  const busy = shownStatus === "submitted" || shownStatus === "streaming";
  const { settings, update } = useSettings();
  const [timedMessageId, setTimedMessageId] = useState<string>();
  const lastAnswer = messages.findLast((message) => message.role === "assistant");
  const timedMessage =
    (timedMessageId && messages.find((message) => message.id === timedMessageId)) || lastAnswer;

  const stopAnswer = useCallback(() => {
    // Stop is the only thing that aborts the answer on the server (for every tab that follows it).
    void fetch(`/api/chat/${conversationId}/stop`, { method: "POST", headers: requestHeaders });
    stopPressed.current = true;
    void stop();
  }, [conversationId, requestHeaders, stop]);

  const sendNow = (text: string, editedMessageId?: string) => {
    if (error) clearError();
    const starting = !conversation && messages.length === 0;
    void sendMessage({ text, messageId: editedMessageId });
    // The question goes out first; the address and the sidebar entry (Next's router and a re-rendered
    // list) follow in a task of their own, which also keeps the Enter key's task short.
    if (starting)
      setTimeout(() => {
        if (!embedded) window.history.replaceState(null, "", `/c/${conversationId}`);
        onConversationStarted(conversationId, conversationTitle(text));
      }, 0);
  };
  // Handlers keep their identity across the renders every streamed chunk causes, so the memoised
  // message rows and the composer do not re-render with them.
  const sendRef = useRef(sendNow);
  sendRef.current = sendNow;
  const send = useCallback((text: string) => sendRef.current(text), []);
  const edit = useCallback((messageId: string, text: string) => sendRef.current(text, messageId), []);
  const regenerateRef = useRef(regenerate);
  regenerateRef.current = regenerate;
  const regenerateAnswer = useCallback(
    (messageId: string) => {
      clearError();
      void regenerateRef.current({ messageId });
    },
    [clearError],
  );
  const showTiming = useCallback(
    (messageId: string) => {
      setTimedMessageId(messageId);
      update({ latencyOverlay: true });
    },
    [update],
  );

  return (
    <ChatFrame
      view={view}
      messages={messages}
      status={shownStatus}
      onStop={stopAnswer}
      actions={{ onEdit: edit, onShowTiming: showTiming, onRegenerate: regenerateAnswer }}
    >
      {error && (
        <ChatError
          error={error}
          onRetry={() => {
            clearError();
            void regenerate();
          }}
        />
      )}
      {settings.latencyOverlay && (
        <LatencyOverlay
          message={timedMessage}
          live={busy && timedMessage === lastAnswer}
          onClose={() => update({ latencyOverlay: false })}
        />
      )}
      <Composer busy={busy} onSend={send} onStop={stopAnswer} />
    </ChatFrame>
  );
}
