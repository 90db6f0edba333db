import "server-only";
import { headers } from "next/headers";
import { type ConversationSummary, getChatStore } from "@/lib/db";
import { readOwner } from "@/lib/owner";

/** The browser's owner identity as a page sees it; pages cannot set cookies, so a first visit has none. */
export async function pageOwner(): Promise<string | null> {
  return readOwner((await headers()).get("cookie"));
}

export async function sidebarConversations(ownerId: string | null): Promise<ConversationSummary[]> {
  if (!ownerId) return [];
  return (await getChatStore()).listConversations(ownerId);
}
