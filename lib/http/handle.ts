import "server-only";
import { resolveOwner } from "@/lib/owner";
import { errorResponse } from "./error-response";
import { assertSameOrigin } from "./origin";

/**
 * Runs a route handler for the browser's anonymous owner (issuing the cookie on first contact, even when
 * the request fails, so what was stored stays reachable) and maps every error to a response in one place.
 * A state-changing request from another site is refused first (lib/http/origin.ts), before any cookie.
 */
export async function handleAsOwner<Result extends { headers: Headers } = Response>(
  request: Request,
  handler: (ownerId: string) => Promise<Result | Response>,
): Promise<Result | Response> {
  let owner: ReturnType<typeof resolveOwner>;
  try {
    assertSameOrigin(request);
    owner = resolveOwner(request);
  } catch (error) {
    return errorResponse(error);
  }
  let response: Result | Response;
  try {
    response = await handler(owner.ownerId);
  } catch (error) {
    response = errorResponse(error);
  }
  if (owner.setCookie) response.headers.append("Set-Cookie", owner.setCookie);
  return response;
}

/** Like handleAsOwner, for routes that need no owner: the same-origin check, then errors as responses. */
export async function handle(request: Request, handler: () => Promise<Response>): Promise<Response> {
  try {
    assertSameOrigin(request);
    return await handler();
  } catch (error) {
    return errorResponse(error);
  }
}
