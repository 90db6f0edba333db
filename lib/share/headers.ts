/**
 * Headers every shared page (and its 404) carries: kept out of search engines, never sending the
 * secret URL onwards as a Referer, and never framed. Plain data, so next.config.ts can use it too.
 */
export const SHARE_PAGE_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Robots-Tag", value: "noindex, nofollow" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * The page runs no script at all; it loads only its own stylesheets, fonts and icon, and its one form
 * (continue the conversation) posts back to this site.
 */
export const SHARE_PAGE_CSP =
  "default-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
