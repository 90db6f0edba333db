import "server-only";
import { randomUUID } from "node:crypto";
import { nextTimestamp } from "./clock";
import type { ConversationSummary, ShareRecord, ShareSummary, StoredMessage } from "./types";

/** What the stores read back; both dialects name the columns alike. */
export const CONVERSATION_COLUMNS = "id, title, created_at, updated_at";
export const MESSAGE_COLUMNS = "id, role, parts, metadata, state, error, created_at";
export const SHARE_SUMMARY_COLUMNS = "token, conversation_id, title, show_question, created_at, updated_at";
export const SHARE_COLUMNS = `${SHARE_SUMMARY_COLUMNS}, snapshot`;

/** A conversations row as the driver returns it, with timestamps as `Time` (pg: Date, SQLite: ISO text). */
export interface ConversationRow<Time> {
  id: string;
  title: string;
  created_at: Time;
  updated_at: Time;
}

/** A messages row as the driver returns it, JSON columns as `Json` (pg: parsed jsonb, SQLite: text). */
export interface MessageRow<Time, Json> {
  id: string;
  role: StoredMessage["role"];
  parts: Json;
  metadata: Json | null;
  state: StoredMessage["state"];
  error: string | null;
  created_at: Time;
}

/** A live shares row; show_question is 0/1 in SQLite, a boolean in PostgreSQL. */
export interface ShareRow<Time, Json> {
  token: string;
  conversation_id: string;
  title: string;
  show_question: number | boolean;
  created_at: Time;
  updated_at: Time;
  snapshot?: Json;
}

/** How a dialect's column values become the store's: ISO 8601 times and parsed JSON. */
export interface RowDecoder<Time, Json> {
  time(value: Time): string;
  json(value: Json): unknown;
}

export function toSummary<Time>(
  row: ConversationRow<Time>,
  decode: Pick<RowDecoder<Time, unknown>, "time">,
): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    createdAt: decode.time(row.created_at),
    updatedAt: decode.time(row.updated_at),
  };
}

export function toMessage<Time, Json>(
  row: MessageRow<Time, Json>,
  decode: RowDecoder<Time, Json>,
): StoredMessage {
  return {
    id: row.id,
    role: row.role,
    parts: decode.json(row.parts) as unknown[],
    metadata: row.metadata === null ? null : (decode.json(row.metadata) as Record<string, unknown>),
    state: row.state,
    error: row.error,
    createdAt: decode.time(row.created_at),
  };
}

/** A conversation about to be created: the client's id or a new one, created and updated now. */
export function newConversation(input: { id?: string; title: string }): ConversationSummary {
  const now = nextTimestamp();
  return { id: input.id ?? randomUUID(), title: input.title, createdAt: now, updatedAt: now };
}

export function toShareSummary<Time>(
  row: ShareRow<Time, unknown>,
  decode: Pick<RowDecoder<Time, unknown>, "time">,
): ShareSummary {
  return {
    token: row.token,
    conversationId: row.conversation_id,
    title: row.title,
    showQuestion: Boolean(row.show_question),
    createdAt: decode.time(row.created_at),
    updatedAt: decode.time(row.updated_at),
  };
}

export function toShareRecord<Time, Json>(
  row: ShareRow<Time, Json>,
  decode: RowDecoder<Time, Json>,
): ShareRecord {
  return { ...toShareSummary(row, decode), snapshot: decode.json(row.snapshot as Json) };
}
