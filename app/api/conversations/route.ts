import { listConversations } from "@/lib/chat/conversations";
import { handleAsOwner } from "@/lib/http/handle";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleAsOwner(request, async (ownerId) =>
    Response.json(
      { conversations: await listConversations(ownerId) },
      { headers: { "Cache-Control": "no-store" } },
    ),
  );
}
