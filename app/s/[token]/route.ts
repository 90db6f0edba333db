import { localeOfRequest } from "@/lib/i18n/negotiate";
import { readSharedConversation, shareTokenSchema } from "@/lib/share";
import { SHARE_PAGE_CSP, SHARE_PAGE_HEADERS } from "@/lib/share/headers";
import { renderMissingSharePage, renderSharePage } from "@/lib/share/render/share-page";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

/**
 * A shared conversation, for anyone with the link and without a cookie. It is plain server-rendered HTML
 * rather than a React page: the reader downloads no JavaScript at all.
 */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const locale = localeOfRequest(request);
  const token = shareTokenSchema.safeParse((await params).token);
  const shared = token.success ? await readSharedConversation(token.data) : null;
  const headers = new Headers(SHARE_PAGE_HEADERS.map(({ key, value }): [string, string] => [key, value]));
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Security-Policy", SHARE_PAGE_CSP);
  // A revoked link must stop answering at once, so no cache may keep a copy.
  headers.set("Cache-Control", "no-store");
  if (!shared || !token.success)
    return new Response(renderMissingSharePage(locale), { status: 404, headers });
  return new Response(renderSharePage(shared, token.data, locale), { headers });
}
