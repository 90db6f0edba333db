import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { generateId } from "ai";
import { getChatStore } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ownerSecret } from "@/lib/owner/secret";

/** Long enough for the new tab to open, short enough that a code seen in a log is already useless. */
export const HANDOFF_TTL_MS = 60_000;

const PART = /^[A-Za-z0-9_-]{1,64}$/;

function signature(payload: string): Buffer {
  return createHmac("sha256", ownerSecret()).update(`r1_handoff:${payload}`).digest();
}

/**
 * A short-lived code that lets the app, in a tab of its own, copy one of the widget's conversations. The
 * widget's token never goes into an address: the code names one conversation and expires in a minute.
 */
export function handoffCode(ownerId: string, conversationId: string, now = Date.now()): string {
  const payload = `${ownerId}.${conversationId}.${now + HANDOFF_TTL_MS}`;
  return `${payload}.${signature(payload).toString("base64url")}`;
}

export function readHandoffCode(code: string, now = Date.now()): { ownerId: string; conversationId: string } {
  const [ownerId = "", conversationId = "", expires = "", given = "", ...rest] = code.split(".");
  const payload = `${ownerId}.${conversationId}.${expires}`;
  const valid =
    rest.length === 0 &&
    PART.test(ownerId) &&
    PART.test(conversationId) &&
    /^\d{1,15}$/.test(expires) &&
    /^[A-Za-z0-9_-]{43}$/.test(given) &&
    timingSafeEqual(Buffer.from(given, "base64url"), signature(payload));
  if (!valid) throw new AppError("bad_request", "This link to the conversation is not valid.");
  if (Number(expires) < now) throw new AppError("bad_request", "This link to the conversation has expired.");
  return { ownerId, conversationId };
}

/**
 * Copies a widget conversation to the browser's own identity in the app and returns the copy's id. A copy,
 * not a switch of identity: a code opened in someone else's browser must not make them share the widget's.
 */
export async function copyConversation(
  fromOwner: string,
  conversationId: string,
  toOwner: string,
): Promise<string> {
  const store = await getChatStore();
  const found = await store.getConversation(fromOwner, conversationId);
  if (!found) throw new AppError("not_found", "This conversation does not exist.");
  const copy = await store.createConversation(toOwner, { title: found.conversation.title });
  for (const message of found.messages) {
    await store.appendMessage(toOwner, copy.id, {
      id: generateId(),
      role: message.role,
      parts: message.parts,
      metadata: message.metadata,
      // An answer still being written stays with the widget; the copy shows what was there.
      state: message.state === "streaming" ? "interrupted" : message.state,
      error: message.error,
    });
  }
  return copy.id;
}
