import "server-only";
import { resolveOwner } from "@/lib/owner";
import { errorResponse } from "./error-response";

/**
 * Runs a route handler for the browser's anonymous owner (issuing the cookie on first contact, even when
 * the request fails, so what was stored stays reachable) and maps every error to a response in one place.
 */
export async function handleAsOwner(
  request: Request,
  handler: (ownerId: string) => Promise<Response>,
): Promise<Response> {
  let owner: ReturnType<typeof resolveOwner>;
  try {
    owner = resolveOwner(request);
  } catch (error) {
    return errorResponse(error);
  }
  let response: Response;
  try {
    response = await handler(owner.ownerId);
  } catch (error) {
    response = errorResponse(error);
  }
  if (owner.setCookie) response.headers.append("Set-Cookie", owner.setCookie);
  return response;
}
