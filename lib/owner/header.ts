/**
 * Where the embedded widget sends its identity: inside another site's page its frame cannot count on
 * cookies, so it keeps the signed token in its own storage and sends it with each request. (Its own module:
 * the widget's browser code needs the name, and the rest of lib/owner is server-only.)
 */
export const OWNER_HEADER = "x-r1-owner";
