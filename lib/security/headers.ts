/**
 * The security headers of every response, decided from the path alone (plus the request's nonce and the
 * configured embedding origins), so the rules are one table that can be read and tested without a server.
 */

/** The request header through which the proxy hands this request's script nonce to the pages. */
export const NONCE_HEADER = "x-nonce";

export interface HeaderPolicyInput {
  pathname: string;
  /** This request's script nonce; Next.js applies it to its own scripts when the request's CSP carries it. */
  nonce: string;
  /** Origins allowed to frame the widget page (EMBED_ALLOWED_ORIGINS). */
  embedAllowedOrigins: readonly string[];
  /** The development server needs eval for React's debugging aids. */
  development?: boolean;
}

interface RouteRule {
  /** Paths the rule covers: the prefix itself and everything below it. */
  prefix: string;
  /** Whether the configured sites may frame these pages; every other page refuses all framing. */
  embeddable?: boolean;
  referrerPolicy?: string;
  robots?: string;
}

/** The first rule whose prefix matches applies; paths no rule matches get the defaults. */
export const ROUTE_RULES: readonly RouteRule[] = [
  { prefix: "/embed", embeddable: true },
  // Share links are capabilities: they must not leak through Referer, be indexed or be framed.
  { prefix: "/s", referrerPolicy: "no-referrer", robots: "noindex, nofollow" },
];

const DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

export function routeRule(pathname: string): RouteRule | undefined {
  return ROUTE_RULES.find((rule) => pathname === rule.prefix || pathname.startsWith(`${rule.prefix}/`));
}

export function contentSecurityPolicy(input: HeaderPolicyInput, frameAncestors: string): string {
  const scriptSources = ["'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'"];
  if (input.development) scriptSources.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    // KaTeX positions glyphs with inline style attributes, which a nonce cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

export type SecurityHeaders = Record<string, string> & { "Content-Security-Policy": string };

export function securityHeaders(input: HeaderPolicyInput): SecurityHeaders {
  const rule = routeRule(input.pathname);
  const framable = rule?.embeddable === true && input.embedAllowedOrigins.length > 0;
  const headers: SecurityHeaders = {
    "Content-Security-Policy": contentSecurityPolicy(
      input,
      framable ? input.embedAllowedOrigins.join(" ") : "'none'",
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": rule?.referrerPolicy ?? DEFAULT_REFERRER_POLICY,
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  // X-Frame-Options has no allow-list, and some browsers let it override frame-ancestors: only on refusals.
  if (!framable) headers["X-Frame-Options"] = "DENY";
  if (rule?.robots) headers["X-Robots-Tag"] = rule.robots;
  return headers;
}

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
