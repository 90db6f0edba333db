"use client";

import type { ChatStatus } from "ai";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ChatMessage } from "@/lib/chat/chat-message";
import { AssistantMessage } from "./assistant-message";
import { UserMessage } from "./user-message";

/** Within this distance of the bottom the list keeps following the stream; scrolling up releases it. */
const STICK_THRESHOLD_PX = 80;

/** Keys that scroll the list up when it has focus. */
const READING_UP_KEYS = new Set(["ArrowUp", "PageUp", "Home"]);

interface MessageListProps {
  messages: ChatMessage[];
  status: ChatStatus;
  /** Replaces the default invitation shown before the first question. */
  emptyState?: ReactNode;
  onEdit: (messageId: string, text: string) => void;
  onRegenerate: (messageId: string) => void;
  onShowTiming: (messageId: string) => void;
}

export function MessageList({
  messages,
  status,
  emptyState,
  onEdit,
  onRegenerate,
  onShowTiming,
}: MessageListProps) {
  const { t } = useI18n();
  const scrollerRef = useRef<HTMLElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(following);
  followingRef.current = following;
  const lastScrollTop = useRef(0);
  /** Where the last message ends, in the scroller's content: the bottom the list follows. */
  const latestBottom = useRef(0);
  /** The content layer's height while an answer streams (0 when none does); see the observer below. */
  const reservedHeight = useRef(0);
  const streaming = status === "submitted" || status === "streaming";
  const streamingRef = useRef(streaming);
  streamingRef.current = streaming;
  const lastAssistantIndex = messages.findLastIndex((message) => message.role === "assistant");

  useEffect(() => {
    const scroller = scrollerRef.current;
    const content = contentRef.current;
    const list = listRef.current;
    if (!scroller || !content || !list) return;
    // Runs after layout whenever the messages grow (chunks, paced text, typeset maths) or the view
    // shrinks, so following costs no layout of its own.
    const observer = new ResizeObserver(() => {
      const bottom =
        list.getBoundingClientRect().bottom - scroller.getBoundingClientRect().top + scroller.scrollTop;
      latestBottom.current = bottom;
      // While an answer streams, the content layer is kept up to a screen taller than the messages, and
      // grows a screen at a time: Chromium repaints all of a composited layer whose size changes, which for
      // a long answer costs more than the new text does (see bench/render). Only while the messages fill the
      // view, so the room never makes a scroll bar appear (and the text reflow) under a short answer; and
      // never more than a screen, as when the reasoning folds away.
      const room = reservedHeight.current - bottom;
      if (!streamingRef.current || bottom <= scroller.clientHeight) reservedHeight.current = 0;
      else if (room < 0 || room > scroller.clientHeight)
        reservedHeight.current = bottom + scroller.clientHeight;
      content.style.minHeight = reservedHeight.current ? `${reservedHeight.current}px` : "";
      if (followingRef.current) scroller.scrollTop = bottom - scroller.clientHeight;
    });
    observer.observe(list);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  // The room kept for a streaming answer goes when it ends (the messages may not change size then).
  useEffect(() => {
    const content = contentRef.current;
    if (streaming || !content) return;
    reservedHeight.current = 0;
    content.style.minHeight = "";
  }, [streaming]);

  // A reader who reaches up lets go at once, before the scroll moves: a smooth wheel scroll's first frame
  // may move less than the threshold, and the next chunk's follow would snap it back.
  const letGo = () => {
    followingRef.current = false;
    setFollowing(false);
  };
  const touchY = useRef(0);

  const jumpToLatest = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    scroller.scrollTo({ top: latestBottom.current - scroller.clientHeight, behavior: "smooth" });
    setFollowing(true);
  };

  return (
    <div className="relative min-h-0 flex-1">
      <section
        ref={scrollerRef}
        // A named region: browsers let the keyboard focus and scroll it.
        aria-label={t.messageListLabel}
        onWheel={(event) => {
          if (event.deltaY < 0) letGo();
        }}
        onTouchStart={(event) => {
          touchY.current = event.touches[0]?.clientY ?? 0;
        }}
        onTouchMove={(event) => {
          // A finger moving down drags the text down: the reader is going back up.
          if ((event.touches[0]?.clientY ?? 0) > touchY.current) letGo();
        }}
        onKeyDown={(event) => {
          // Keys typed in a field inside the list (editing a question) do not scroll it.
          if (event.target === event.currentTarget && READING_UP_KEYS.has(event.key)) letGo();
        }}
        onScroll={(event) => {
          const el = event.currentTarget;
          const movedUp = el.scrollTop < lastScrollTop.current;
          lastScrollTop.current = el.scrollTop;
          const nearBottom = latestBottom.current - el.scrollTop - el.clientHeight < STICK_THRESHOLD_PX;
          // Reaching the bottom going down follows again. Only a scroll up far from it lets go (a dragged
          // scroll bar): the list also moves up by itself when the reasoning folds away, and the smooth
          // scroll of "jump to latest" starts far from a bottom that keeps moving away as the answer grows.
          if (nearBottom && !movedUp) setFollowing(true);
          else if (!nearBottom && movedUp) letGo();
        }}
        // A composited scroller: following the stream moves the layer instead of repainting every
        // formula on screen (Chromium paints non-composited scrollers anew on each scroll at 1x pixel ratio).
        className="h-full overflow-y-auto will-change-scroll"
      >
        <div
          ref={contentRef}
          data-testid="chat-messages"
          aria-busy={streaming}
          // Its own compositor layer: as the stream grows the last block and scrolls, only that layer is
          // repainted, not every formula on screen with it (see bench/render).
          className="mx-auto w-full max-w-3xl px-4 will-change-transform"
        >
          <div ref={listRef} className="flex flex-col gap-6 py-6">
            {messages.length === 0 && (emptyState ?? <EmptyState />)}
            {messages.map((message, index) =>
              message.role === "user" ? (
                <UserMessage key={message.id} message={message} editable={!streaming} onEdit={onEdit} />
              ) : (
                <AssistantMessage
                  key={message.id}
                  message={message}
                  streaming={streaming && index === messages.length - 1}
                  canRegenerate={!streaming && index === lastAssistantIndex}
                  onRegenerate={onRegenerate}
                  onShowTiming={onShowTiming}
                />
              ),
            )}
            {status === "submitted" && messages.at(-1)?.role === "user" && <WaitingForFirstToken />}
          </div>
        </div>
      </section>
      {!following && (
        <button
          type="button"
          data-testid="jump-to-latest"
          onClick={jumpToLatest}
          className="-translate-x-1/2 absolute bottom-3 left-1/2 rounded-full border border-zinc-300 bg-white px-3 py-1 text-sm shadow-md hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900"
        >
          ↓ {t.jumpToLatest}
        </button>
      )}
      <StreamAnnouncer messages={messages} status={status} />
    </div>
  );
}

/**
 * Screen readers hear the phase and then the finished answer once, not every token: the message list
 * itself is not a live region.
 */
function StreamAnnouncer({ messages, status }: { messages: ChatMessage[]; status: ChatStatus }) {
  const { t } = useI18n();
  const last = messages.at(-1);
  const answering = last?.role === "assistant" && last.parts.some((part) => part.type === "text");
  let announcement = "";
  if (status === "submitted") announcement = t.waitingForModel;
  else if (status === "streaming") announcement = answering ? t.answering : t.reasoning.thinking;
  else if (status === "ready" && last?.role === "assistant") {
    announcement = last.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  }
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {announcement}
    </div>
  );
}

function EmptyState() {
  const { t } = useI18n();
  return (
    <div className="mt-16 text-center text-zinc-500">
      <p className="font-medium text-lg text-zinc-700 dark:text-zinc-300">{t.emptyState.title}</p>
      <p className="mt-1 text-sm">{t.emptyState.body}</p>
    </div>
  );
}

function WaitingForFirstToken() {
  const { t } = useI18n();
  return (
    <div className="text-sm text-zinc-500" data-testid="waiting">
      <span className="motion-safe:animate-pulse">{t.waitingForModel}</span>
    </div>
  );
}
