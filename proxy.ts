import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { NONCE_HEADER, newNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Security headers for every response. They are set per request because the embedding origins are runtime
 * configuration and the script nonce must be new each time. The answer streams (POST /api/chat and
 * GET /api/chat/<id>/stream) set theirs themselves (lib/http/node-route.ts): running this proxy first
 * held up every question on its way to the model server.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const config = getConfig();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    embedAllowedOrigins: config.EMBED_ALLOWED_ORIGINS,
    development: config.NODE_ENV === "development",
  });
  // API routes render no scripts: passing the request through unchanged spares Next.js rebuilding its
  // headers on every chat request.
  if (request.nextUrl.pathname.startsWith("/api/")) return withHeaders(NextResponse.next(), headers);
  // Next.js reads the nonce from the request's CSP and puts it on its own scripts; pages read NONCE_HEADER.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = { matcher: ["/((?!api/chat(?:$|/[^/]+/stream$)).*)"] };
