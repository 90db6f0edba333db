import "server-only";
import { getChatStore, type StoredMessage } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGenerationHub } from "@/lib/generation";
import type { BrowserTiming } from "@/lib/timing/browser-timings";
import type { ChatMessage } from "./chat-message";

export async function listConversations(ownerId: string) {
  return (await getChatStore()).listConversations(ownerId);
}

export interface LoadedConversation {
  id: string;
  title: string;
  messages: ChatMessage[];
  /** An answer is being written right now: the page should follow it live. */
  answering: boolean;
}

export async function loadConversation(
  ownerId: string,
  conversationId: string,
): Promise<LoadedConversation | null> {
  const found = await (await getChatStore()).getConversation(ownerId, conversationId);
  if (!found) return null;
  const answering = await (await getGenerationHub()).isRunning(conversationId);
  return {
    id: found.conversation.id,
    title: found.conversation.title,
    messages: found.messages.map(toChatMessage),
    answering,
  };
}

export async function renameConversation(ownerId: string, conversationId: string, title: string) {
  const renamed = await (await getChatStore()).renameConversation(ownerId, conversationId, title);
  if (!renamed) throw new AppError("not_found", "This conversation does not exist.");
  return renamed;
}

export async function deleteConversation(ownerId: string, conversationId: string): Promise<void> {
  await (await getGenerationHub()).stop(conversationId);
  const deleted = await (await getChatStore()).deleteConversation(ownerId, conversationId);
  if (!deleted) throw new AppError("not_found", "This conversation does not exist.");
}

/** Stored messages carry how they ended in their metadata, so the page can say "stopped" or show the error. */
function toChatMessage(message: StoredMessage): ChatMessage {
  return {
    id: message.id,
    role: message.role,
    parts: message.parts as ChatMessage["parts"],
    metadata: {
      ...(message.metadata ?? {}),
      ...(message.role === "assistant" ? { state: message.state, error: message.error } : {}),
    },
  };
}

/** How long to wait for an answer's final write before adding the browser's figures to it. */
const SETTLE_ATTEMPTS = 20;
const SETTLE_INTERVAL_MS = 100;

/**
 * Stores the browser's arrival figures with a finished answer, so a reload still shows both clocks. The
 * answer's own final write may still be on its way, so this waits for it rather than race it.
 */
export async function storeBrowserTiming(
  ownerId: string,
  conversationId: string,
  messageId: string,
  browserTiming: BrowserTiming,
): Promise<void> {
  const store = await getChatStore();
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
    const found = await store.getConversation(ownerId, conversationId);
    const message = found?.messages.find((candidate) => candidate.id === messageId);
    if (message?.role !== "assistant") throw new AppError("not_found", "This answer does not exist.");
    if (message.state !== "streaming") {
      await store.updateMessage(ownerId, conversationId, messageId, {
        metadata: { ...(message.metadata ?? {}), browserTiming },
      });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_INTERVAL_MS));
  }
  throw new AppError("conflict", "This answer is still being written.");
}
