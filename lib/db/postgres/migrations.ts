import "server-only";
import type pg from "pg";
import type { Migration } from "../types";

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "conversations and messages",
    sql: `
      CREATE TABLE conversations (
        id text PRIMARY KEY,
        owner_id text NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX conversations_by_owner_recency ON conversations (owner_id, updated_at DESC);

      CREATE TABLE messages (
        id text PRIMARY KEY,
        conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        role text NOT NULL CHECK (role IN ('user', 'assistant')),
        parts jsonb NOT NULL,
        metadata jsonb,
        state text NOT NULL CHECK (state IN ('complete', 'streaming', 'stopped', 'error', 'interrupted')),
        error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (conversation_id, seq)
      );
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
        token text PRIMARY KEY,
        owner_id text NOT NULL,
        conversation_id text REFERENCES conversations (id) ON DELETE SET NULL,
        title text NOT NULL,
        snapshot jsonb,
        show_question boolean NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK ((revoked_at IS NULL) = (snapshot IS NOT NULL AND conversation_id IS NOT NULL))
      );
      CREATE INDEX shares_by_owner ON shares (owner_id, created_at DESC) WHERE revoked_at IS NULL;
      CREATE UNIQUE INDEX shares_one_live_per_conversation ON shares (conversation_id) WHERE revoked_at IS NULL;
    `,
  },
];

/** Any fixed number: every instance of the app must use the same one to serialise its migrations. */
const MIGRATION_LOCK_KEY = 4_131_908_551;

/**
 * Applies pending migrations in one transaction behind a transaction-scoped advisory lock: instances
 * starting together take turns, and the lock cannot outlive the transaction even if the process dies.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )
    `);
    const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
