import "server-only";

export const OWNER_COOKIE_NAME = "r1_owner";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** Every value the Cookie header gives the owner cookie (a browser may send several). */
export function ownerCookieValues(cookieHeader: string | null): string[] {
  if (!cookieHeader) return [];
  const values: string[] = [];
  for (const pair of cookieHeader.split(";")) {
    const separator = pair.indexOf("=");
    if (separator !== -1 && pair.slice(0, separator).trim() === OWNER_COOKIE_NAME) {
      values.push(pair.slice(separator + 1).trim());
    }
  }
  return values;
}

/** httpOnly: scripts never need the identity; Lax: sent on top-level navigation, not on cross-site posts. */
export function ownerSetCookie(token: string, options: { secure: boolean }): string {
  const attributes = [
    `${OWNER_COOKIE_NAME}=${token}`,
    "Path=/",
    `Max-Age=${ONE_YEAR_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
  ];
  if (options.secure) attributes.push("Secure");
  return attributes.join("; ");
}

/** https as the browser sees it: behind a TLS-terminating proxy the request itself arrives over http. */
export function isHttpsRequest(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:";
}
