import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const OWNER_ID_BYTES = 16;
const OWNER_ID = /^[A-Za-z0-9_-]{22}$/; // 16 bytes in unpadded base64url
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/; // an HMAC-SHA256 in unpadded base64url

/** 128 random bits, base64url: unguessable, so knowing an id is what owning its data means. */
export function newOwnerId(): string {
  return randomBytes(OWNER_ID_BYTES).toString("base64url");
}

/** `<ownerId>.<signature>` */
export function signOwnerId(ownerId: string, secret: string): string {
  return `${ownerId}.${signature(ownerId, secret).toString("base64url")}`;
}

/** The owner id of a token signed with this secret, or null for anything else. */
export function verifyOwnerToken(token: string, secret: string): string | null {
  const [ownerId, given, ...rest] = token.split(".");
  if (rest.length > 0 || !ownerId || !given || !OWNER_ID.test(ownerId) || !SIGNATURE.test(given)) return null;
  return timingSafeEqual(Buffer.from(given, "base64url"), signature(ownerId, secret)) ? ownerId : null;
}

function signature(ownerId: string, secret: string): Buffer {
  // The prefix keeps these signatures from being valid for anything else the secret might sign.
  return createHmac("sha256", secret).update(`r1_owner:${ownerId}`).digest();
}
