import { followAnswer } from "@/lib/chat/conversation-access";
import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { conversationParamsSchema } from "../../schema";

export const dynamic = "force-dynamic";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    return followAnswer(ownerId, id);
  });
}
