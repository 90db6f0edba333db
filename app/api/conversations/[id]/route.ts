import { deleteConversation, loadConversation, renameConversation } from "@/lib/chat/conversations";
import { AppError } from "@/lib/errors";
import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { readJsonBody } from "@/lib/http/read-json-body";
import { conversationParamsSchema } from "../../chat/schema";
import { renameSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const RENAME_MAX_BYTES = 4_096;

export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    const conversation = await loadConversation(ownerId, id);
    if (!conversation) throw new AppError("not_found", "This conversation does not exist.");
    return Response.json(conversation, { headers: { "Cache-Control": "no-store" } });
  });
}

export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    const { title } = await readJsonBody(request, renameSchema, RENAME_MAX_BYTES);
    return Response.json(await renameConversation(ownerId, id, title));
  });
}

export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    await deleteConversation(ownerId, id);
    return new Response(null, { status: 204 });
  });
}
