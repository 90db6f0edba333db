import { ChatApp } from "@/components/chat/chat-app";
import { describeUpstream } from "@/lib/upstream/describe-upstream";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const upstream = await describeUpstream();
  return <ChatApp upstream={upstream} />;
}
