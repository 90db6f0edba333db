import "server-only";
import { isHttpsRequest, ownerCookieValues, ownerSetCookie } from "./cookie";
import { ownerSecret } from "./secret";
import { newOwnerId, signOwnerId, verifyOwnerToken } from "./token";

export { OWNER_COOKIE_NAME } from "./cookie";

/** The owner id of a validly signed `r1_owner` cookie, or null (missing, malformed or tampered). */
export function readOwner(cookieHeader: string | null): string | null {
  const secret = ownerSecret();
  for (const value of ownerCookieValues(cookieHeader)) {
    const ownerId = verifyOwnerToken(value, secret);
    if (ownerId) return ownerId;
  }
  return null;
}

/** A new anonymous identity and the Set-Cookie header value that gives it to the browser. */
export function issueOwner(options: { secure?: boolean } = {}): { ownerId: string; setCookie: string } {
  const ownerId = newOwnerId();
  const setCookie = ownerSetCookie(signOwnerId(ownerId, ownerSecret()), { secure: options.secure ?? false });
  return { ownerId, setCookie };
}

/** The request's owner; a request without a valid cookie gets a new identity and the cookie to set. */
export function resolveOwner(request: Request): { ownerId: string; setCookie?: string } {
  const ownerId = readOwner(request.headers.get("cookie"));
  if (ownerId) return { ownerId };
  return issueOwner({ secure: isHttpsRequest(request) });
}
