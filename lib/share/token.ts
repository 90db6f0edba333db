import { randomBytes } from "node:crypto";
import { z } from "zod";

/** 144 random bits: more than the 128 a capability URL needs, and a whole number of base64 digits. */
const SHARE_TOKEN_BYTES = 18;
export const SHARE_TOKEN_LENGTH = 24;

/** A new share token from the CSPRNG, URL-safe (unpadded base64url). Never derived from any id. */
export function newShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString("base64url");
}

export const shareTokenSchema = z
  .string()
  .regex(new RegExp(`^[A-Za-z0-9_-]{${SHARE_TOKEN_LENGTH}}$`), "not a share token");

/** The share's public address, relative to the site. */
export function sharePath(token: string): string {
  return `/s/${token}`;
}
