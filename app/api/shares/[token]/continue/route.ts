import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { continueSharedConversation } from "@/lib/share";
import { shareParamsSchema } from "../schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/**
 * Copies the shared conversation into the viewer's own (issuing their owner cookie if they have none; a
 * post from another site is refused before that, in handleAsOwner).
 * The share page posts a plain form, so this works without JavaScript: a form post is answered with a
 * redirect to the copy, anything else with its id.
 */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (viewerId) => {
    const { token } = await parseParams(params, shareParamsSchema);
    const id = await continueSharedConversation(viewerId, token);
    const path = `/c/${id}`;
    if (request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
      return new Response(null, { status: 303, headers: { Location: path } });
    }
    return Response.json({ id, path }, { status: 201 });
  });
}
