import "server-only";
import { AppError } from "@/lib/errors";
import { isHttpsRequest, ownerCookieValues, ownerSetCookie } from "./cookie";
import { OWNER_HEADER } from "./header";
import { ownerSecret } from "./secret";
import { newOwnerId, signOwnerId, verifyOwnerToken } from "./token";

export { OWNER_COOKIE_NAME } from "./cookie";
export { OWNER_HEADER } from "./header";

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

/** A new identity as a signed token, for a client that keeps it itself and sends it in OWNER_HEADER. */
export function issueOwnerToken(): string {
  return signOwnerId(newOwnerId(), ownerSecret());
}

/** The owner id a request names in OWNER_HEADER; undefined without the header, null if it is not valid. */
export function readOwnerHeader(request: Request): string | null | undefined {
  const token = request.headers.get(OWNER_HEADER);
  if (token === null) return undefined;
  return verifyOwnerToken(token.trim(), ownerSecret());
}

/**
 * The request's owner: the one OWNER_HEADER names (a bad token is refused, as its owner could not get it
 * back through a cookie), else the cookie's; a request with neither gets a new identity and the cookie to set.
 */
export function resolveOwner(request: Request): { ownerId: string; setCookie?: string } {
  const fromHeader = readOwnerHeader(request);
  if (fromHeader) return { ownerId: fromHeader };
  if (fromHeader === null)
    throw new AppError("unauthorized", "This widget session is not valid; start a new one.");
  const ownerId = readOwner(request.headers.get("cookie"));
  if (ownerId) return { ownerId };
  return issueOwner({ secure: isHttpsRequest(request) });
}
