import "server-only";
import { randomUUID } from "node:crypto";
import { type ChatStore, getChatStore, type ShareSummary } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type ShareSnapshot, shareSnapshotSchema, takeSnapshot } from "./snapshot";
import { newShareToken, sharePath } from "./token";

/** A share as its owner sees it: the summary plus the address to hand out. */
export interface OwnShare extends ShareSummary {
  path: string;
}

/** A share as anyone holding the link sees it: no owner, no conversation id. */
export interface SharedConversation {
  title: string;
  /** ISO 8601: when the snapshot was taken. */
  sharedAt: string;
  /** The first question may be quoted in link previews. */
  showQuestion: boolean;
  snapshot: ShareSnapshot;
}

export interface ShareOptions {
  showQuestion?: boolean;
}

const noShare = () => new AppError("not_found", "This share does not exist.");
const noConversation = () => new AppError("not_found", "This conversation does not exist.");

function ownShare({ snapshot: _snapshot, ...summary }: ShareSummary & { snapshot?: unknown }): OwnShare {
  return { ...summary, path: sharePath(summary.token) };
}

async function snapshotOf(store: ChatStore, ownerId: string, conversationId: string) {
  const found = await store.getConversation(ownerId, conversationId);
  if (!found) throw noConversation();
  return { title: found.conversation.title, snapshot: takeSnapshot(found.messages) };
}

/**
 * Shares the conversation as it is now. A conversation has at most one live link: sharing it again
 * returns that link unchanged (`created: false`); update it to take a new snapshot.
 */
export async function shareConversation(
  ownerId: string,
  conversationId: string,
  options: ShareOptions = {},
): Promise<{ share: OwnShare; created: boolean }> {
  const store = await getChatStore();
  const existing = await store.getConversationShare(ownerId, conversationId);
  if (existing) return { share: ownShare(existing), created: false };
  const { title, snapshot } = await snapshotOf(store, ownerId, conversationId);
  const created = await store.createShare(ownerId, {
    token: newShareToken(),
    conversationId,
    title,
    snapshot,
    showQuestion: options.showQuestion ?? false,
  });
  // The conversation was deleted between the snapshot and the insert.
  if (!created) throw noConversation();
  return { share: ownShare(created), created: true };
}

/** The conversation's live share, or null when it has none. */
export async function findConversationShare(
  ownerId: string,
  conversationId: string,
): Promise<OwnShare | null> {
  const store = await getChatStore();
  const share = await store.getConversationShare(ownerId, conversationId);
  if (share) return ownShare(share);
  // "Not shared yet" is an answer, not an error; a conversation that is not this owner's is still not found.
  if (!(await store.getConversation(ownerId, conversationId))) throw noConversation();
  return null;
}

export async function listShares(ownerId: string): Promise<OwnShare[]> {
  return (await (await getChatStore()).listShares(ownerId)).map(ownShare);
}

/** Takes a new snapshot of the shared conversation under the same token, so the link handed out stays. */
export async function updateShare(
  ownerId: string,
  token: string,
  options: ShareOptions = {},
): Promise<OwnShare> {
  const store = await getChatStore();
  const current = await store.getShare(token);
  // Someone else's share looks exactly like one that does not exist.
  const owned = current && (await store.getConversationShare(ownerId, current.conversationId));
  if (!owned || owned.token !== token) throw noShare();
  const { title, snapshot } = await snapshotOf(store, ownerId, owned.conversationId);
  const updated = await store.updateShare(ownerId, token, {
    title,
    snapshot,
    showQuestion: options.showQuestion ?? owned.showQuestion,
  });
  if (!updated) throw noShare();
  return ownShare(updated);
}

/** The link stops working at once, for good. */
export async function revokeShare(ownerId: string, token: string): Promise<void> {
  if (!(await (await getChatStore()).revokeShare(ownerId, token))) throw noShare();
}

/** The shared conversation behind a token, or null when there is none (never was, or revoked). */
export async function readSharedConversation(token: string): Promise<SharedConversation | null> {
  const share = await (await getChatStore()).getShare(token);
  if (!share) return null;
  const snapshot = shareSnapshotSchema.safeParse(share.snapshot);
  if (!snapshot.success) return null;
  return {
    title: share.title,
    sharedAt: share.updatedAt,
    showQuestion: share.showQuestion,
    snapshot: snapshot.data,
  };
}

/**
 * "Continue this conversation": a private copy of the shared snapshot for the viewer, under a new id.
 * It shares nothing with the original, which it never writes to. Returns the new conversation's id.
 */
export async function continueSharedConversation(viewerId: string, token: string): Promise<string> {
  const shared = await readSharedConversation(token);
  if (!shared) throw noShare();
  const store = await getChatStore();
  const copy = await store.createConversation(viewerId, { title: shared.title });
  for (const message of shared.snapshot.messages) {
    await store.appendMessage(viewerId, copy.id, {
      id: randomUUID(),
      role: message.role,
      ...(message.role === "user"
        ? { parts: [{ type: "text", text: message.text }], state: "complete" }
        : {
            parts: [
              ...(message.reasoning ? [{ type: "reasoning", text: message.reasoning, state: "done" }] : []),
              { type: "text", text: message.answer, state: "done" },
            ],
            metadata: message.model ? { model: message.model } : null,
            state: message.state === "streaming" ? "interrupted" : message.state,
          }),
    });
  }
  return copy.id;
}
