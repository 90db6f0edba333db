import { followAnswer } from "@/lib/chat/conversation-access";
import { handleAsOwner } from "@/lib/http/handle";
import type { LiveAnswer } from "@/lib/http/live-answer";
import { parseParams } from "@/lib/http/params";
import { conversationParamsSchema } from "../../schema";

/** GET /api/chat/[id]/stream: the answer being written, caught up and then live (served by pages/api). */
export function GET(
  request: Request,
  { params }: { params: Promise<unknown> },
): Promise<LiveAnswer | Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    return followAnswer(ownerId, id);
  });
}
