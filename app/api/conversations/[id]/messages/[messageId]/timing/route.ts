import { z } from "zod";
import { storeBrowserTiming } from "@/lib/chat/conversations";
import { browserTimingSchema } from "@/lib/chat/metadata";
import { handleAsOwner } from "@/lib/http/handle";
import { parseParams } from "@/lib/http/params";
import { readJsonBody } from "@/lib/http/read-json-body";
import { conversationIdSchema } from "../../../../../chat/schema";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ id: conversationIdSchema, messageId: z.string().min(1).max(200) });
const TIMING_MAX_BYTES = 32_768;

type Context = { params: Promise<{ id: string; messageId: string }> };

export function PUT(request: Request, { params }: Context): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { id, messageId } = await parseParams(params, paramsSchema);
    const timing = await readJsonBody(request, browserTimingSchema, TIMING_MAX_BYTES);
    await storeBrowserTiming(ownerId, id, messageId, timing);
    return new Response(null, { status: 204 });
  });
}
