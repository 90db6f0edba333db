import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
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
import { migrateSqlite } from "./migrations";

/** Times are stored as ISO 8601 text, JSON columns as JSON text. */
const DECODE: RowDecoder<string, string> = { time: (value) => value, json: (value) => JSON.parse(value) };

/** Opens (creating it and its directory if needed) and migrates a SQLite database file. */
export async function createSqliteStore(path: string): Promise<ChatStore> {
  return new SqliteChatStore(openDatabase(path));
}

function openDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(path), { recursive: true });
    // The timeout is SQLite's busy_timeout: wait for another process's write lock instead of failing.
    db = new Database(path, { timeout: 5_000 });
    db.pragma("journal_mode = WAL");
    // With WAL, NORMAL is safe against corruption and only risks the last commits on power loss.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    migrateSqlite(db);
    return db;
  } catch (error) {
    db?.close();
    throw new DatabaseOpenError(`Cannot open the SQLite database ${path}: ${describeCause(error)}`, {
      cause: error,
    });
  }
}

/** What revoking leaves of a share: its tombstone. */
const REVOKED = "revoked_at = @now, snapshot = NULL, title = '', conversation_id = NULL";

function prepareStatements(db: Database.Database) {
  return {
    insertConversation: db.prepare(
      "INSERT INTO conversations (id, owner_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
    ),
    listConversations: db.prepare<[string, number], ConversationRow<string>>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE owner_id = ?
       ORDER BY updated_at DESC, id DESC LIMIT ?`,
    ),
    getConversation: db.prepare<[string, string], ConversationRow<string>>(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = ? AND owner_id = ?`,
    ),
    listMessages: db.prepare<[string], MessageRow<string, string>>(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`,
    ),
    renameConversation: db.prepare<[string, string, string], ConversationRow<string>>(
      `UPDATE conversations SET title = ? WHERE id = ? AND owner_id = ? RETURNING ${CONVERSATION_COLUMNS}`,
    ),
    deleteConversation: db.prepare("DELETE FROM conversations WHERE id = ? AND owner_id = ?"),
    touchConversation: db.prepare("UPDATE conversations SET updated_at = ? WHERE id = ? AND owner_id = ?"),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, conversation_id, seq, role, parts, metadata, state, error, created_at, updated_at)
       VALUES (@id, @conversationId,
               (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId),
               @role, @parts, @metadata, @state, @error, @now, @now)`,
    ),
    deleteMessagesFrom: db.prepare(
      `DELETE FROM messages
       WHERE conversation_id = @conversationId
         AND seq >= (SELECT seq FROM messages WHERE id = @messageId AND conversation_id = @conversationId)
         AND EXISTS (SELECT 1 FROM conversations WHERE id = @conversationId AND owner_id = @ownerId)`,
    ),
    insertShare: db.prepare(
      `INSERT INTO shares (token, owner_id, conversation_id, title, snapshot, show_question, created_at, updated_at)
       SELECT @token, @ownerId, id, @title, @snapshot, @showQuestion, @now, @now
       FROM conversations WHERE id = @conversationId AND owner_id = @ownerId`,
    ),
    getShare: db.prepare<[string], ShareRow<string, string>>(
      `SELECT ${SHARE_COLUMNS} FROM shares WHERE token = ? AND revoked_at IS NULL`,
    ),
    getConversationShare: db.prepare<[string, string], ShareRow<string, string>>(
      `SELECT ${SHARE_COLUMNS} FROM shares WHERE conversation_id = ? AND owner_id = ? AND revoked_at IS NULL`,
    ),
    listShares: db.prepare<[string, number], ShareRow<string, string>>(
      `SELECT ${SHARE_SUMMARY_COLUMNS} FROM shares WHERE owner_id = ? AND revoked_at IS NULL
       ORDER BY created_at DESC, token DESC LIMIT ?`,
    ),
    updateShare: db.prepare<Record<string, unknown>, ShareRow<string, string>>(
      `UPDATE shares SET title = @title, snapshot = @snapshot, show_question = @showQuestion, updated_at = @now
       WHERE token = @token AND owner_id = @ownerId AND revoked_at IS NULL
       RETURNING ${SHARE_COLUMNS}`,
    ),
    revokeShare: db.prepare(
      `UPDATE shares SET ${REVOKED} WHERE token = @token AND owner_id = @ownerId AND revoked_at IS NULL`,
    ),
    revokeConversationShares: db.prepare(
      `UPDATE shares SET ${REVOKED}
       WHERE conversation_id = @conversationId AND owner_id = @ownerId AND revoked_at IS NULL`,
    ),
    markStreamingInterrupted: db.prepare(
      `UPDATE messages SET state = 'interrupted', updated_at = @now
       WHERE state = 'streaming' AND conversation_id NOT IN (SELECT value FROM json_each(@except))
         AND (@writtenBefore IS NULL OR updated_at < @writtenBefore)`,
    ),
  };
}

class SqliteChatStore implements ChatStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly patchStatements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  async createConversation(
    ownerId: string,
    input: { id?: string; title: string },
  ): Promise<ConversationSummary> {
    const conversation = newConversation(input);
    const { id, title, createdAt, updatedAt } = conversation;
    try {
      this.statements.insertConversation.run(id, ownerId, title, createdAt, updatedAt);
    } catch (error) {
      if (isPrimaryKeyViolation(error)) throw new DuplicateIdError("conversation", id);
      throw error;
    }
    return conversation;
  }

  async listConversations(ownerId: string, options: { limit?: number } = {}): Promise<ConversationSummary[]> {
    return this.statements.listConversations
      .all(ownerId, listLimit(options.limit))
      .map((row) => toSummary(row, DECODE));
  }

  async getConversation(ownerId: string, id: string) {
    // One read transaction, so the conversation and its messages are from the same moment.
    return this.db.transaction(() => {
      const row = this.statements.getConversation.get(id, ownerId);
      if (!row) return null;
      return {
        conversation: toSummary(row, DECODE),
        messages: this.statements.listMessages.all(id).map((message) => toMessage(message, DECODE)),
      };
    })();
  }

  async renameConversation(ownerId: string, id: string, title: string): Promise<ConversationSummary | null> {
    const row = this.statements.renameConversation.get(title, id, ownerId);
    return row ? toSummary(row, DECODE) : null;
  }

  async deleteConversation(ownerId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.statements.revokeConversationShares.run({ conversationId: id, ownerId, now: nextTimestamp() });
      return this.statements.deleteConversation.run(id, ownerId).changes > 0;
    })();
  }

  async appendMessage(ownerId: string, conversationId: string, message: NewMessage): Promise<boolean> {
    const now = nextTimestamp();
    const append = this.db.transaction(() => {
      // Touching the conversation first doubles as the ownership check.
      if (this.statements.touchConversation.run(now, conversationId, ownerId).changes === 0) return false;
      this.statements.insertMessage.run({
        id: message.id,
        conversationId,
        role: message.role,
        parts: JSON.stringify(message.parts),
        metadata: jsonOrNull(message.metadata),
        state: message.state,
        error: message.error ?? null,
        now,
      });
      return true;
    });
    try {
      // IMMEDIATE: another process appending to the same conversation waits rather than reading a stale seq.
      return append.immediate();
    } catch (error) {
      if (isPrimaryKeyViolation(error)) throw new DuplicateIdError("message", message.id);
      throw error;
    }
  }

  async updateMessage(
    ownerId: string,
    conversationId: string,
    messageId: string,
    patch: MessagePatch,
  ): Promise<boolean> {
    return this.patchMessage(ownerId, conversationId, messageId, patch);
  }

  private patchMessage(
    ownerId: string,
    conversationId: string,
    messageId: string,
    patch: MessagePatch,
  ): boolean {
    const assignments = patchAssignments(patch);
    const sets = [...assignments.map(({ column }) => `${column} = @${column}`), "updated_at = @now"];
    const sql = `UPDATE messages SET ${sets.join(", ")}
      WHERE id = @messageId AND conversation_id = @conversationId
        AND EXISTS (SELECT 1 FROM conversations WHERE id = @conversationId AND owner_id = @ownerId)`;
    const values = Object.fromEntries(assignments.map(({ column, value }) => [column, value]));
    const params = { ...values, now: nextTimestamp(), messageId, conversationId, ownerId };
    return this.patchStatement(sql).run(params).changes > 0;
  }

  async updateMessages(updates: MessageUpdate[]): Promise<void> {
    this.db.transaction(() => {
      for (const { ownerId, conversationId, messageId, patch } of updates) {
        this.patchMessage(ownerId, conversationId, messageId, patch);
      }
    })();
  }

  async deleteMessagesFrom(ownerId: string, conversationId: string, messageId: string): Promise<boolean> {
    return this.statements.deleteMessagesFrom.run({ ownerId, conversationId, messageId }).changes > 0;
  }

  async createShare(ownerId: string, share: NewShare): Promise<ShareRecord | null> {
    const now = nextTimestamp();
    let inserted: boolean;
    try {
      inserted =
        this.statements.insertShare.run({
          ...share,
          ownerId,
          snapshot: JSON.stringify(share.snapshot),
          showQuestion: share.showQuestion ? 1 : 0,
          now,
        }).changes > 0;
    } catch (error) {
      if (isPrimaryKeyViolation(error) || isUniqueViolation(error)) {
        throw new DuplicateIdError("share", share.token);
      }
      throw error;
    }
    return inserted ? { ...share, createdAt: now, updatedAt: now } : null;
  }

  async getShare(token: string): Promise<ShareRecord | null> {
    const row = this.statements.getShare.get(token);
    return row ? toShareRecord(row, DECODE) : null;
  }

  async getConversationShare(ownerId: string, conversationId: string): Promise<ShareRecord | null> {
    const row = this.statements.getConversationShare.get(conversationId, ownerId);
    return row ? toShareRecord(row, DECODE) : null;
  }

  async listShares(ownerId: string): Promise<ShareSummary[]> {
    return this.statements.listShares
      .all(ownerId, listLimit(undefined))
      .map((row) => toShareSummary(row, DECODE));
  }

  async updateShare(ownerId: string, token: string, patch: SharePatch): Promise<ShareRecord | null> {
    const row = this.statements.updateShare.get({
      token,
      ownerId,
      title: patch.title,
      snapshot: JSON.stringify(patch.snapshot),
      showQuestion: patch.showQuestion ? 1 : 0,
      now: nextTimestamp(),
    });
    return row ? toShareRecord(row, DECODE) : null;
  }

  async revokeShare(ownerId: string, token: string): Promise<boolean> {
    return this.statements.revokeShare.run({ token, ownerId, now: nextTimestamp() }).changes > 0;
  }

  async markStreamingInterrupted(
    exceptConversations: readonly string[] = [],
    writtenBefore?: Date,
  ): Promise<number> {
    return this.statements.markStreamingInterrupted.run({
      now: nextTimestamp(),
      except: JSON.stringify(exceptConversations),
      writtenBefore: writtenBefore?.toISOString() ?? null,
    }).changes;
  }

  readonly kind = "sqlite";

  async ping(): Promise<void> {
    this.db.prepare("SELECT 1").get();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** A patch sets one of a handful of column combinations; each is prepared once. */
  private patchStatement(sql: string): Database.Statement {
    let statement = this.patchStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.patchStatements.set(sql, statement);
    }
    return statement;
  }
}

function isPrimaryKeyViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === "SQLITE_CONSTRAINT_UNIQUE";
}
