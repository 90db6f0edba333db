import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { MESSAGES } from "@/lib/i18n/messages";
import { isEmbedAllowed } from "@/lib/widget/allowed-origins";
import { embedConfigQuerySchema } from "./schema";

export const dynamic = "force-dynamic";

/** Public, read by the loader on any site: it holds nothing secret, so any origin may read it. */
const CORS = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" };

/**
 * Whether the site the loader runs on may embed the widget, and the launcher's labels in the widget's
 * language (the loader is too small to carry translations). The frame-ancestors policy on /embed is what
 * enforces the answer; this lets the loader stay invisible and say why instead of showing a broken frame.
 */
export function GET(request: Request): Response {
  const query = embedConfigQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const response = errorResponse(
      new AppError("bad_request", query.error.issues[0]?.message ?? "bad query"),
    );
    response.headers.set("Access-Control-Allow-Origin", "*");
    return response;
  }
  const origin = new URL(query.data.origin).origin;
  const { widget } = MESSAGES[query.data.lang ?? DEFAULT_LOCALE];
  return Response.json(
    {
      allowed: isEmbedAllowed(origin),
      labels: { title: widget.defaultTitle, open: widget.open, close: widget.close, unread: widget.unread },
    },
    { headers: CORS },
  );
}
