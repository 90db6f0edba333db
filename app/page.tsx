import { generateId } from "ai";
import { ChatShell } from "@/components/chat/chat-shell";
import { pageOwner, sidebarConversations } from "@/lib/chat/page-data";
import { describeUpstream } from "@/lib/upstream/describe-upstream";

export const dynamic = "force-dynamic";

export default async function NewChatPage() {
  const [upstream, conversations] = await Promise.all([
    describeUpstream(),
    pageOwner().then(sidebarConversations),
  ]);
  return (
    <ChatShell
      upstream={upstream}
      conversations={conversations}
      conversation={null}
      conversationId={generateId()}
    />
  );
}
