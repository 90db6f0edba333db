import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ChatShell } from "@/components/chat/chat-shell";
import { loadConversation } from "@/lib/chat/conversations";
import { pageOwner, sidebarConversations } from "@/lib/chat/page-data";
import { describeUpstream } from "@/lib/upstream/describe-upstream";
import { conversationParamsSchema } from "../../api/chat/schema";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

/** Shared by the page and its metadata within one request. */
const load = cache(async (id: string) => {
  const parsed = conversationParamsSchema.safeParse({ id });
  const ownerId = await pageOwner();
  if (!parsed.success || !ownerId) return null;
  return loadConversation(ownerId, parsed.data.id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const conversation = await load((await params).id);
  return { title: conversation ? `${conversation.title} · r1-chat` : "r1-chat" };
}

export default async function ConversationPage({ params }: Props) {
  const conversation = await load((await params).id);
  if (!conversation) notFound();
  const ownerId = await pageOwner();
  const [upstream, conversations] = await Promise.all([describeUpstream(), sidebarConversations(ownerId)]);
  return (
    <ChatShell
      upstream={upstream}
      conversations={conversations}
      conversation={conversation}
      conversationId={conversation.id}
    />
  );
}
