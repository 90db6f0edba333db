export interface ConversationSummary {
  id: string;
  title: string;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601; moves with the conversation's messages, so the newest activity lists first. */
  updatedAt: string;
}

export type MessageState = "complete" | "streaming" | "stopped" | "error" | "interrupted";

export interface StoredMessage {
  id: string;
  role: "user" | "assistant";
  /** The AI SDK UIMessage parts: text, reasoning … */
  parts: unknown[];
  /** R1 rules applied, timing, usage, model … */
  metadata: Record<string, unknown> | null;
  state: MessageState;
  error: string | null;
  createdAt: string;
}

export interface NewMessage {
  id: string;
  role: "user" | "assistant";
  parts: unknown[];
  metadata?: Record<string, unknown> | null;
  state: MessageState;
  error?: string | null;
}

/** A live share as its owner lists it (the snapshot itself left out). */
export interface ShareSummary {
  /** The unguessable public token; the share's address is /s/<token>. */
  token: string;
  conversationId: string;
  title: string;
  /** Whether the link preview may quote the first question. */
  showQuestion: boolean;
  /** ISO 8601: when the link was first made. */
  createdAt: string;
  /** ISO 8601: when the snapshot was last taken. */
  updatedAt: string;
}

export interface ShareRecord extends ShareSummary {
  /** The conversation as it was when shared; its shape belongs to lib/share. */
  snapshot: unknown;
}

export type NewShare = Pick<ShareRecord, "token" | "conversationId" | "title" | "snapshot" | "showQuestion">;

export type SharePatch = Pick<ShareRecord, "title" | "snapshot" | "showQuestion">;

export type MessagePatch = Partial<Pick<NewMessage, "parts" | "metadata" | "state" | "error">>;

export interface MessageUpdate {
  ownerId: string;
  conversationId: string;
  messageId: string;
  patch: MessagePatch;
}

/**
 * Conversation storage. Every method is scoped to one owner: another owner's data is never read or
 * changed, and looks exactly like data that does not exist (null / false).
 */
export interface ChatStore {
  /** Throws DuplicateIdError when the id is already taken. */
  createConversation(ownerId: string, input: { id?: string; title: string }): Promise<ConversationSummary>;
  /** Newest (updatedAt) first. */
  listConversations(ownerId: string, options?: { limit?: number }): Promise<ConversationSummary[]>;
  /** Messages in the order they were appended. */
  getConversation(
    ownerId: string,
    id: string,
  ): Promise<{ conversation: ConversationSummary; messages: StoredMessage[] } | null>;
  renameConversation(ownerId: string, id: string, title: string): Promise<ConversationSummary | null>;
  /** Revokes the conversation's shares too (their tombstones stay), in the same transaction. */
  deleteConversation(ownerId: string, id: string): Promise<boolean>;
  /**
   * Appends at the end (next seq); bumps the conversation's updatedAt. Returns false if the conversation
   * is not this owner's; throws DuplicateIdError when the message id is already taken.
   */
  appendMessage(ownerId: string, conversationId: string, message: NewMessage): Promise<boolean>;
  /** Replaces parts/metadata/state/error of one message (used to flush a streaming answer in batches and to finalise it). */
  updateMessage(
    ownerId: string,
    conversationId: string,
    messageId: string,
    patch: MessagePatch,
  ): Promise<boolean>;
  /**
   * Several updateMessage calls in one transaction: streaming answers are flushed together, one commit
   * per flush interval however many answers are streaming. Updates another owner's message never touches.
   */
  updateMessages(updates: MessageUpdate[]): Promise<void>;
  /** Deletes the given message and every later one (edit-and-resend, regenerate). */
  deleteMessagesFrom(ownerId: string, conversationId: string, messageId: string): Promise<boolean>;
  /**
   * Stores a live share of one of the owner's conversations; null if the conversation is not this owner's.
   * Throws DuplicateIdError when the token was ever used (even revoked) or the conversation already has a
   * live share.
   */
  createShare(ownerId: string, share: NewShare): Promise<ShareRecord | null>;
  /** A live share by its token, whoever asks: the token is the capability. */
  getShare(token: string): Promise<ShareRecord | null>;
  /** The conversation's live share, if it has one. */
  getConversationShare(ownerId: string, conversationId: string): Promise<ShareRecord | null>;
  /** Live shares, newest first. */
  listShares(ownerId: string): Promise<ShareSummary[]>;
  /** Replaces a live share's snapshot and options, keeping its token and createdAt. */
  updateShare(ownerId: string, token: string, patch: SharePatch): Promise<ShareRecord | null>;
  /** Clears the share's content for good; the token stays recorded so it is never live again. */
  revokeShare(ownerId: string, token: string): Promise<boolean>;
  /**
   * Answers left 'streaming' by a crashed process become 'interrupted', except in the conversations listed
   * (an instance is still generating their answers) and, with `writtenBefore`, answers written since then
   * (one may be stored a moment before its generation is listed). Returns how many.
   */
  markStreamingInterrupted(exceptConversations?: readonly string[], writtenBefore?: Date): Promise<number>;
  /** Which database this is, and a round trip to it (throws when it cannot be reached): for /api/health. */
  readonly kind: "sqlite" | "postgres";
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** One numbered step of a dialect's schema; applied once, in order, and recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
