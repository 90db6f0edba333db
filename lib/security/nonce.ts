import "server-only";
import { headers } from "next/headers";
import { NONCE_HEADER } from "./headers";

/** The nonce for inline scripts the app renders itself (Next.js puts it on its own scripts). */
export async function requestNonce(): Promise<string | undefined> {
  return (await headers()).get(NONCE_HEADER) ?? undefined;
}
