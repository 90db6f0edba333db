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

export type MessagePatch = Partial<Pick<NewMessage, "parts" | "metadata" | "state" | "error">>;

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
  /** Deletes the given message and every later one (edit-and-resend, regenerate). */
  deleteMessagesFrom(ownerId: string, conversationId: string, messageId: string): Promise<boolean>;
  /**
   * At start-up: answers left 'streaming' by a crashed process become 'interrupted', except in the
   * conversations listed (another instance is still generating their answers). Returns how many.
   */
  markStreamingInterrupted(exceptConversations?: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

/** One numbered step of a dialect's schema; applied once, in order, and recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
