import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteStore, DatabaseOpenError } from "@/lib/db";
import { SQLITE_MIGRATIONS } from "@/lib/db/sqlite/migrations";
import { defineChatStoreSuite } from "./chat-store.suite";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "r1-chat-sqlite-"));
const newPath = () => join(dir, `${randomUUID()}.sqlite`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SQLite chat store", () => {
  defineChatStoreSuite(async () => {
    const path = newPath();
    return () => createSqliteStore(path);
  });

  it("creates the database file and its directory, in WAL mode", async () => {
    const path = join(dir, "nested", "deeper", "r1-chat.sqlite");
    await (await createSqliteStore(path)).close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.prepare("SELECT version FROM schema_migrations").pluck().all()).toEqual(
        SQLITE_MIGRATIONS.map((migration) => migration.version),
      );
    } finally {
      db.close();
    }
  });

  it("migrates once when several processes open a new database at the same moment", async () => {
    const path = newPath();
    const script = join(import.meta.dirname, "open-sqlite-store.ts");
    const openAt = String(Date.now() + 1_000);
    const child = () =>
      run(process.execPath, ["--conditions=react-server", "--import", "tsx", script, path, openAt]);
    await Promise.all([child(), child(), child(), child()]);
    const db = new Database(path, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(
        SQLITE_MIGRATIONS.length,
      );
    } finally {
      db.close();
    }
  });

  it("names the file and the cause when the database cannot be opened", async () => {
    const notADatabase = join(dir, "not-a-database.sqlite");
    writeFileSync(notADatabase, "this is plain text, not SQLite ".repeat(100));
    await expect(createSqliteStore(notADatabase)).rejects.toThrow(
      new DatabaseOpenError(`Cannot open the SQLite database ${notADatabase}: file is not a database`),
    );

    const directory = join(dir, "a-directory.sqlite");
    mkdirSync(directory);
    const error = await createSqliteStore(directory).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toContain(directory);
  });
});
