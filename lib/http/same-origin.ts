import "server-only";

/**
 * Whether a request came from a page of another site. A form posted from elsewhere must not act for
 * this site's visitor, nor (its cookie being SameSite=Lax, so not sent) be given a new identity in
 * place of theirs. Browsers send Sec-Fetch-Site; Origin is the fallback for older ones.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "cross-site" || site === "same-site";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
