import "server-only";
import { getChatStore } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGenerationHub } from "@/lib/generation";
import { LiveAnswer } from "@/lib/http/live-answer";

async function assertOwns(ownerId: string, conversationId: string): Promise<void> {
  const store = await getChatStore();
  if (!(await store.getConversation(ownerId, conversationId))) {
    throw new AppError("not_found", "This conversation does not exist.");
  }
}

/** A reload or another tab catches up on the answer being written and follows it live; 204 when none. */
export async function followAnswer(ownerId: string, conversationId: string): Promise<LiveAnswer | Response> {
  await assertOwns(ownerId, conversationId);
  const feed = await (await getGenerationHub()).subscribe(conversationId);
  return feed ? new LiveAnswer(feed) : new Response(null, { status: 204 });
}

/** Stop is the only thing that aborts the upstream, for every viewer, on whichever instance runs it. */
export async function stopAnswer(ownerId: string, conversationId: string): Promise<Response> {
  await assertOwns(ownerId, conversationId);
  const stopped = await (await getGenerationHub()).stop(conversationId);
  return Response.json({ stopped });
}
