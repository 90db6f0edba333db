import "server-only";
import type Database from "better-sqlite3";
import type { Migration } from "../types";

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "conversations and messages",
    sql: `
      CREATE TABLE conversations (
        id TEXT NOT NULL PRIMARY KEY,
        owner_id TEXT NOT NULL,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX conversations_by_owner_recency ON conversations (owner_id, updated_at DESC);

      CREATE TABLE messages (
        id TEXT NOT NULL PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        parts TEXT NOT NULL CHECK (json_valid(parts)),
        metadata TEXT CHECK (json_valid(metadata)),
        state TEXT NOT NULL CHECK (state IN ('complete', 'streaming', 'stopped', 'error', 'interrupted')),
        error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (conversation_id, seq)
      ) STRICT;
      -- The start-up sweep for answers a crash left streaming reads only these rows.
      CREATE INDEX messages_streaming ON messages (state) WHERE state = 'streaming';
    `,
  },
  {
    version: 2,
    name: "shares",
    sql: `
      -- A revoked share keeps its row (token, owner, revoked_at) with its content cleared: the tombstone
      -- is what stops a revoked token from ever being issued, and so answering, again.
      CREATE TABLE shares (
        token TEXT NOT NULL PRIMARY KEY,
        owner_id TEXT NOT NULL,
        conversation_id TEXT REFERENCES conversations (id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        snapshot TEXT CHECK (json_valid(snapshot)),
        show_question INTEGER NOT NULL CHECK (show_question IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        revoked_at TEXT,
        CHECK ((revoked_at IS NULL) = (snapshot IS NOT NULL AND conversation_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX shares_by_owner ON shares (owner_id, created_at DESC) WHERE revoked_at IS NULL;
      CREATE UNIQUE INDEX shares_one_live_per_conversation ON shares (conversation_id) WHERE revoked_at IS NULL;
    `,
  },
];

/**
 * Applies pending migrations in one IMMEDIATE transaction: it takes the write lock before reading
 * schema_migrations, so a second process starting at the same time waits, then finds nothing to do.
 */
export function migrateSqlite(db: Database.Database): void {
  db.transaction(() => {
    db.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER NOT NULL PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT
    `);
    const applied = new Set(db.prepare("SELECT version FROM schema_migrations").pluck().all());
    const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
