import { errorResponse } from "@/lib/http/error-response";
import { issueOwnerToken, OWNER_HEADER, readOwnerHeader } from "@/lib/owner";

export const dynamic = "force-dynamic";

/**
 * The widget's identity: the token it sent in OWNER_HEADER if that is still valid, else a new one. The
 * frame keeps it in its own storage and sends it with every request, so no third-party cookie is needed.
 */
export function POST(request: Request): Response {
  try {
    const token = readOwnerHeader(request)
      ? (request.headers.get(OWNER_HEADER) as string).trim()
      : issueOwnerToken();
    return Response.json({ token }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
