import "server-only";
import { cookies, headers } from "next/headers";
import type { Locale } from "./locale";
import { LOCALE_COOKIE } from "./locale";
import { pickLocale } from "./negotiate";

/** The UI language of the request being rendered (makes the route dynamic, as reading cookies does). */
export async function getRequestLocale(): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickLocale(headerList.get("accept-language"), cookieStore.get(LOCALE_COOKIE)?.value);
}
