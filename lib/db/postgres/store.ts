import "server-only";
import pg from "pg";
import { nextTimestamp } from "../clock";
import { DatabaseOpenError, DuplicateIdError, describeCause } from "../errors";
import { listLimit } from "../limits";
import { jsonOrNull, patchAssignments } from "../message-patch";
import {
  CONVERSATION_COLUMNS,
  type ConversationRow,
  MESSAGE_COLUMNS,
  type MessageRow,
  newConversation,
  type RowDecoder,
  SHARE_COLUMNS,
  SHARE_SUMMARY_COLUMNS,
  type ShareRow,
  toMessage,
  toShareRecord,
  toShareSummary,
  toSummary,
} from "../rows";
import type {
  ChatStore,
  ConversationSummary,
  MessagePatch,
  MessageUpdate,
  NewMessage,
  NewShare,
  SharePatch,
  ShareRecord,
  ShareSummary,
} from "../types";
import { toJsonb } from "./jsonb";
import { migratePostgres } from "./migrations";

/** timestamptz columns arrive as Dates, jsonb columns parsed. */
const DECODE: RowDecoder<Date, unknown> = { time: (value) => value.toISOString(), json: (value) => value };
const UNIQUE_VIOLATION = "23505";
/** What revoking leaves of a share: its tombstone ($1 is the time). */
const REVOKED = "revoked_at = $1, snapshot = NULL, title = '', conversation_id = NULL";

/** Connects to PostgreSQL and migrates it; fails now, naming the cause, if the server cannot be used. */
export async function createPostgresStore(url: string): Promise<ChatStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on("error", (error) => console.error("[r1-chat] an idle PostgreSQL connection failed", error));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(`Cannot use PostgreSQL at ${describeServer(url)}: ${describeCause(error)}`, {
      cause: error,
    });
  }
  return new PostgresChatStore(pool);
}

/** user@host:port/database, leaving out the password. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
  return `${user}${parsed.host}${parsed.pathname}`;
}

class PostgresChatStore implements ChatStore {
  constructor(private readonly pool: pg.Pool) {}

  async createConversation(
    ownerId: string,
    input: { id?: string; title: string },
  ): Promise<ConversationSummary> {
    const conversation = newConversation(input);
    const { id, title, createdAt } = conversation;
    try {
      await this.pool.query(
        "INSERT INTO conversations (id, owner_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)",
        [id, ownerId, title, createdAt],
      );
    } catch (error) {
      if (isUniqueViolation(error, "conversations_pkey")) throw new DuplicateIdError("conversation", id);
      throw error;
    }
    return conversation;
  }

  async listConversations(ownerId: string, options: { limit?: number } = {}): Promise<ConversationSummary[]> {
    const { rows } = await this.pool.query<ConversationRow<Date>>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE owner_id = $1
       ORDER BY updated_at DESC, id DESC LIMIT $2`,
      [ownerId, listLimit(options.limit)],
    );
    return rows.map((row) => toSummary(row, DECODE));
  }

  async getConversation(ownerId: string, id: string) {
    // REPEATABLE READ: the conversation and its messages come from one snapshot.
    return this.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async (client) => {
      const conversation = await client.query<ConversationRow<Date>>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1 AND owner_id = $2`,
        [id, ownerId],
      );
      const row = conversation.rows[0];
      if (!row) return null;
      const messages = await client.query<MessageRow<Date, unknown>>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 ORDER BY seq`,
        [id],
      );
      return {
        conversation: toSummary(row, DECODE),
        messages: messages.rows.map((message) => toMessage(message, DECODE)),
      };
    });
  }

  async renameConversation(ownerId: string, id: string, title: string): Promise<ConversationSummary | null> {
    const { rows } = await this.pool.query<ConversationRow<Date>>(
      `UPDATE conversations SET title = $1 WHERE id = $2 AND owner_id = $3 RETURNING ${CONVERSATION_COLUMNS}`,
      [title, id, ownerId],
    );
    return rows[0] ? toSummary(rows[0], DECODE) : null;
  }

  async deleteConversation(ownerId: string, id: string): Promise<boolean> {
    return this.transaction("BEGIN", async (client) => {
      await client.query(
        `UPDATE shares SET ${REVOKED} WHERE conversation_id = $2 AND owner_id = $3 AND revoked_at IS NULL`,
        [nextTimestamp(), id, ownerId],
      );
      const result = await client.query("DELETE FROM conversations WHERE id = $1 AND owner_id = $2", [
        id,
        ownerId,
      ]);
      return (result.rowCount ?? 0) > 0;
    });
  }

  async appendMessage(ownerId: string, conversationId: string, message: NewMessage): Promise<boolean> {
    const now = nextTimestamp();
    try {
      return await this.transaction("BEGIN", async (client) => {
        // Touching the conversation checks ownership and row-locks it until commit, so concurrent appends
        // take turns and each reads the seq the previous one wrote.
        const touched = await client.query(
          "UPDATE conversations SET updated_at = $1 WHERE id = $2 AND owner_id = $3",
          [now, conversationId, ownerId],
        );
        if (touched.rowCount === 0) return false;
        await client.query(
          `INSERT INTO messages (id, conversation_id, seq, role, parts, metadata, state, error, created_at, updated_at)
           VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = $2),
                   $3, $4::jsonb, $5::jsonb, $6, $7, $8, $8)`,
          [
            message.id,
            conversationId,
            message.role,
            toJsonb(message.parts),
            jsonOrNull(message.metadata, toJsonb),
            message.state,
            message.error ?? null,
            now,
          ],
        );
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error, "messages_pkey")) throw new DuplicateIdError("message", message.id);
      throw error;
    }
  }

  async updateMessage(
    ownerId: string,
    conversationId: string,
    messageId: string,
    patch: MessagePatch,
  ): Promise<boolean> {
    return this.patchMessage(this.pool, { ownerId, conversationId, messageId, patch });
  }

  async updateMessages(updates: MessageUpdate[]): Promise<void> {
    if (updates.length === 0) return;
    await this.transaction("BEGIN", async (client) => {
      for (const update of updates) await this.patchMessage(client, update);
    });
  }

  private async patchMessage(
    db: pg.Pool | pg.PoolClient,
    { ownerId, conversationId, messageId, patch }: MessageUpdate,
  ): Promise<boolean> {
    const assignments = patchAssignments(patch, toJsonb);
    const values: unknown[] = [nextTimestamp(), messageId, conversationId, ownerId];
    const sets = ["updated_at = $1"];
    for (const { column, value, isJson } of assignments) {
      values.push(value);
      sets.push(`${column} = $${values.length}${isJson ? "::jsonb" : ""}`);
    }
    const result = await db.query(
      `UPDATE messages SET ${sets.join(", ")}
       WHERE id = $2 AND conversation_id = $3
         AND EXISTS (SELECT 1 FROM conversations WHERE id = $3 AND owner_id = $4)`,
      values,
    );
    return (result.rowCount ?? 0) > 0;
  }

  async deleteMessagesFrom(ownerId: string, conversationId: string, messageId: string): Promise<boolean> {
    const result = await this.pool.query(
      `DELETE FROM messages
       WHERE conversation_id = $1
         AND seq >= (SELECT seq FROM messages WHERE id = $2 AND conversation_id = $1)
         AND EXISTS (SELECT 1 FROM conversations WHERE id = $1 AND owner_id = $3)`,
      [conversationId, messageId, ownerId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async createShare(ownerId: string, share: NewShare): Promise<ShareRecord | null> {
    const now = nextTimestamp();
    try {
      const result = await this.pool.query(
        `INSERT INTO shares (token, owner_id, conversation_id, title, snapshot, show_question, created_at, updated_at)
         SELECT $1, $2, id, $4, $5::jsonb, $6, $7, $7 FROM conversations WHERE id = $3 AND owner_id = $2`,
        [
          share.token,
          ownerId,
          share.conversationId,
          share.title,
          toJsonb(share.snapshot),
          share.showQuestion,
          now,
        ],
      );
      return (result.rowCount ?? 0) > 0 ? { ...share, createdAt: now, updatedAt: now } : null;
    } catch (error) {
      if (
        isUniqueViolation(error, "shares_pkey") ||
        isUniqueViolation(error, "shares_one_live_per_conversation")
      ) {
        throw new DuplicateIdError("share", share.token);
      }
      throw error;
    }
  }

  async getShare(token: string): Promise<ShareRecord | null> {
    return this.oneShare(`SELECT ${SHARE_COLUMNS} FROM shares WHERE token = $1 AND revoked_at IS NULL`, [
      token,
    ]);
  }

  async getConversationShare(ownerId: string, conversationId: string): Promise<ShareRecord | null> {
    return this.oneShare(
      `SELECT ${SHARE_COLUMNS} FROM shares WHERE conversation_id = $1 AND owner_id = $2 AND revoked_at IS NULL`,
      [conversationId, ownerId],
    );
  }

  async listShares(ownerId: string): Promise<ShareSummary[]> {
    const { rows } = await this.pool.query<ShareRow<Date, unknown>>(
      `SELECT ${SHARE_SUMMARY_COLUMNS} FROM shares WHERE owner_id = $1 AND revoked_at IS NULL
       ORDER BY created_at DESC, token DESC LIMIT $2`,
      [ownerId, listLimit(undefined)],
    );
    return rows.map((row) => toShareSummary(row, DECODE));
  }

  async updateShare(ownerId: string, token: string, patch: SharePatch): Promise<ShareRecord | null> {
    return this.oneShare(
      `UPDATE shares SET title = $3, snapshot = $4::jsonb, show_question = $5, updated_at = $6
       WHERE token = $1 AND owner_id = $2 AND revoked_at IS NULL
       RETURNING ${SHARE_COLUMNS}`,
      [token, ownerId, patch.title, toJsonb(patch.snapshot), patch.showQuestion, nextTimestamp()],
    );
  }

  async revokeShare(ownerId: string, token: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE shares SET ${REVOKED} WHERE token = $2 AND owner_id = $3 AND revoked_at IS NULL`,
      [nextTimestamp(), token, ownerId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async markStreamingInterrupted(
    exceptConversations: readonly string[] = [],
    writtenBefore?: Date,
  ): Promise<number> {
    const result = await this.pool.query(
      `UPDATE messages SET state = 'interrupted', updated_at = $1
       WHERE state = 'streaming' AND NOT (conversation_id = ANY($2::text[]))
         AND ($3::timestamptz IS NULL OR updated_at < $3)`,
      [nextTimestamp(), exceptConversations, writtenBefore?.toISOString() ?? null],
    );
    return result.rowCount ?? 0;
  }

  readonly kind = "postgres";

  async ping(): Promise<void> {
    await this.pool.query("SELECT 1");
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async oneShare(sql: string, values: unknown[]): Promise<ShareRecord | null> {
    const { rows } = await this.pool.query<ShareRow<Date, unknown>>(sql, values);
    return rows[0] ? toShareRecord(rows[0], DECODE) : null;
  }

  private async transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      // A connection that cannot even roll back is discarded instead of going back to the pool.
      client.release(broken);
    }
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    error instanceof pg.DatabaseError && error.code === UNIQUE_VIOLATION && error.constraint === constraint
  );
}
