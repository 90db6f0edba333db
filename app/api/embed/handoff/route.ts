import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { handleAsOwner } from "@/lib/http/handle";
import { readJsonBody } from "@/lib/http/read-json-body";
import { resolveOwner } from "@/lib/owner";
import { copyConversation, handoffCode, readHandoffCode } from "@/lib/widget/handoff";
import { handoffQuerySchema, handoffRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

const BODY_MAX_BYTES = 1_024;

/** The widget asks for a short-lived address that opens its conversation in the full app. */
export function POST(request: Request): Promise<Response> {
  return handleAsOwner(request, async (ownerId) => {
    const { conversationId } = await readJsonBody(request, handoffRequestSchema, BODY_MAX_BYTES);
    const code = handoffCode(ownerId, conversationId);
    return Response.json(
      { url: `/api/embed/handoff?code=${code}` },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

/**
 * Opened by the widget in a new tab: copies the conversation to this browser's own identity in the app (its
 * cookie, issued here if it has none) and shows the copy. Only a navigation started by our own pages counts.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const fetchSite = request.headers.get("sec-fetch-site");
    if (fetchSite && fetchSite !== "same-origin") {
      throw new AppError("bad_request", "Open the conversation from the chat widget.");
    }
    const query = handoffQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("bad_request", "This link to the conversation is not valid.");
    const widget = readHandoffCode(query.data.code);
    const browser = resolveOwner(request);
    const copyId = await copyConversation(widget.ownerId, widget.conversationId, browser.ownerId);
    const response = new Response(null, { status: 303, headers: { Location: `/c/${copyId}` } });
    if (browser.setCookie) response.headers.append("Set-Cookie", browser.setCookie);
    return response;
  } catch (error) {
    return errorResponse(error);
  }
}
