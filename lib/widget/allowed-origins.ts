import "server-only";
import { getConfig } from "@/lib/config";

/** Whether a site may embed the widget (EMBED_ALLOWED_ORIGINS; the frame-ancestors policy enforces it too). */
export function isEmbedAllowed(origin: string): boolean {
  return getConfig().EMBED_ALLOWED_ORIGINS.includes(origin);
}
