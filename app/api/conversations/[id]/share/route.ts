import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { readJsonBody } from "@/lib/http/read-json-body";
import { findConversationShare, shareConversation } from "@/lib/share";
import { conversationParamsSchema } from "../../../chat/schema";
import { shareOptionsSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const OPTIONS_MAX_BYTES = 1_024;
const NO_STORE = { "Cache-Control": "no-store" };

/** The conversation's live share, or null when it has none; 404 when the conversation is not the owner's. */
export function GET(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    return Response.json(await findConversationShare(ownerId, id), { headers: NO_STORE });
  });
}

/** Shares the conversation (201), or returns its existing live share unchanged (200). */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id } = await parseParams(params, conversationParamsSchema);
    const options = await readJsonBody(request, shareOptionsSchema, OPTIONS_MAX_BYTES);
    const { share, created } = await shareConversation(ownerId, id, options);
    return Response.json(share, { status: created ? 201 : 200, headers: NO_STORE });
  });
}
