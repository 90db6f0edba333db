import "server-only";
import { getChatStore, type StoredMessage } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGenerationHub } from "@/lib/generation";
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
