import "server-only";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// A DNS name or IPv4 address, or a bracketed IPv6 address, with an optional port.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The first value of a forwarding header (proxies append theirs after the client's), if it is one of
 * `valid`'s; a malformed value is ignored rather than trusted.
 */
function forwarded(request: Request, name: string, valid: (value: string) => boolean): string | undefined {
  const value = request.headers.get(name)?.split(",")[0]?.trim().toLowerCase();
  return value && valid(value) ? value : undefined;
}

/** "https" or "http" as the browser used it, from X-Forwarded-Proto when a proxy terminates TLS. */
export function forwardedProto(request: Request): "http" | "https" | undefined {
  return forwarded(request, "x-forwarded-proto", (value) => value === "http" || value === "https") as
    | "http"
    | "https"
    | undefined;
}

/** The host (and port) the browser addressed: X-Forwarded-Host behind a proxy, else Host, else the URL's. */
export function requestHost(request: Request): string {
  const host = (value: string) => HOST.test(value);
  return (
    forwarded(request, "x-forwarded-host", host) ??
    forwarded(request, "host", host) ??
    new URL(request.url).host.toLowerCase()
  );
}

/**
 * CSRF protection for state-changing requests: a browser names the page that sent a request in
 * `Origin`, and only this app's own pages (the widget's iframe included) may change anything. A request
 * without `Origin` is not from a page's script or form (browsers always send it on POST, PUT, PATCH and
 * DELETE) but from a client such as the CLI or curl, which a cookie-riding attack cannot use; it passes.
 * The scheme is compared too when a proxy says which one the browser used (X-Forwarded-Proto).
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin === null) {
    // Belt and braces for a browser that sent Fetch Metadata but, unusually, no Origin.
    if (request.headers.get("sec-fetch-site") === "cross-site") throw crossSite("another site");
    return;
  }
  // A page whose Referrer-Policy is no-referrer (the share page) posts its forms with `Origin: null`; the
  // browser's own Fetch Metadata, which no page can set, still says whether it came from this site.
  if (origin === "null" && request.headers.get("sec-fetch-site") === "same-origin") return;
  const sender = parseOrigin(origin);
  const proto = forwardedProto(request);
  if (
    !sender ||
    sender.host !== hostFor(sender.protocol, requestHost(request)) ||
    (proto && sender.protocol !== `${proto}:`)
  ) {
    throw crossSite(sender ? `${sender.protocol}//${sender.host}` : "a page without an origin");
  }
}

function parseOrigin(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** `host` as URL writes it for `protocol`: lower case, without that scheme's default port. */
function hostFor(protocol: string, host: string): string {
  return new URL(`${protocol}//${host}`).host;
}

function crossSite(sender: string): AppError {
  return new AppError(
    "forbidden",
    `Refused: this request was sent from ${sender}, not from this app's own pages. Open the app itself to make changes.`,
  );
}
