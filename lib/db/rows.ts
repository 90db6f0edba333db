import "server-only";
import { randomUUID } from "node:crypto";
import { nextTimestamp } from "./clock";
import type { ConversationSummary, StoredMessage } from "./types";

/** What the stores read back; both dialects name the columns alike. */
export const CONVERSATION_COLUMNS = "id, title, created_at, updated_at";
export const MESSAGE_COLUMNS = "id, role, parts, metadata, state, error, created_at";

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
