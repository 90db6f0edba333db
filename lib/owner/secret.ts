import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { getConfig } from "@/lib/config";

export const SECRET_FILE_NAME = "owner-secret";
const MIN_SECRET_LENGTH = 32;

let cached: string | undefined;

/**
 * The key that signs owner cookies: OWNER_COOKIE_SECRET, or else one generated on first use and kept in
 * DATA_DIR so identities survive restarts. Instances sharing a database must share OWNER_COOKIE_SECRET.
 */
export function ownerSecret(): string {
  if (cached) return cached;
  const { OWNER_COOKIE_SECRET, DATA_DIR, DATABASE_URL } = getConfig();
  if (OWNER_COOKIE_SECRET) {
    cached = OWNER_COOKIE_SECRET;
    return cached;
  }
  const path = join(resolve(DATA_DIR), SECRET_FILE_NAME);
  if (DATABASE_URL) {
    console.warn(
      `[r1-chat] OWNER_COOKIE_SECRET is unset: owner cookies are signed with ${path}, which only this instance has. ` +
        "Set OWNER_COOKIE_SECRET when several instances share DATABASE_URL.",
    );
  }
  cached = loadOrCreateSecretFile(path);
  return cached;
}

/**
 * Reads the secret file, creating it (mode 0600) if missing. The new secret is written to a private
 * temporary file and hard-linked into place, so a process starting at the same moment either finds the
 * complete file or loses the race to create it and reads the winner's.
 */
export function loadOrCreateSecretFile(path: string): string {
  const existing = readSecretFile(path);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  const created = readSecretFile(path);
  if (created === undefined) throw new Error(`${path} disappeared while it was being created`);
  return created;
}

function readSecretFile(path: string): string | undefined {
  let content: string;
  try {
    content = readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (content.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${path} holds no usable secret (fewer than ${MIN_SECRET_LENGTH} characters): delete it to have a new one made, or set OWNER_COOKIE_SECRET`,
    );
  }
  return content;
}
