import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { readJsonBody } from "@/lib/http/read-json-body";
import { revokeShare, updateShare } from "@/lib/share";
import { shareOptionsSchema } from "../../conversations/[id]/share/schema";
import { shareParamsSchema } from "./schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };
const OPTIONS_MAX_BYTES = 1_024;

/** Takes a new snapshot under the same token (the URL handed out keeps working). */
export function PUT(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { token } = await parseParams(params, shareParamsSchema);
    const options = await readJsonBody(request, shareOptionsSchema, OPTIONS_MAX_BYTES);
    return Response.json(await updateShare(ownerId, token, options), {
      headers: { "Cache-Control": "no-store" },
    });
  });
}

/** Revokes the share: its page answers 404 from now on. */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { token } = await parseParams(params, shareParamsSchema);
    await revokeShare(ownerId, token);
    return new Response(null, { status: 204 });
  });
}
