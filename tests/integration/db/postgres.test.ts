import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore, DatabaseOpenError } from "@/lib/db";
import { POSTGRES_MIGRATIONS } from "@/lib/db/postgres/migrations";
import { closedPort } from "@/tests/support/ports";
import { type PostgresServer, startPostgres } from "@/tests/support/postgres";
import { defineChatStoreSuite } from "./chat-store.suite";

let server: PostgresServer | undefined;

// Generous: on a machine without PostgreSQL this first installs Debian's package.
beforeAll(async () => {
  server = await startPostgres();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

function newDatabase(): Promise<string> {
  if (!server) throw new Error("the test PostgreSQL server is not running");
  return server.newDatabase();
}

describe("PostgreSQL chat store", () => {
  defineChatStoreSuite(async () => {
    const url = await newDatabase();
    return () => createPostgresStore(url);
  });

  it("records each migration once", async () => {
    const url = await newDatabase();
    await (await createPostgresStore(url)).close();
    await (await createPostgresStore(url)).close();
    const client = new pg.Client(url);
    await client.connect();
    try {
      const { rows } = await client.query("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((row) => row.version)).toEqual(
        POSTGRES_MIGRATIONS.map((migration) => migration.version),
      );
    } finally {
      await client.end();
    }
  });

  it("stores text jsonb cannot hold (U+0000, a lone surrogate) as U+FFFD instead of failing", async () => {
    const store = await createPostgresStore(await newDatabase());
    try {
      const conversation = await store.createConversation("owner", { title: "pasted" });
      const parts = [{ type: "text", text: "a\u0000b \ud800 c 😀" }];
      expect(
        await store.appendMessage("owner", conversation.id, {
          id: randomUUID(),
          role: "user",
          parts,
          state: "complete",
        }),
      ).toBe(true);
      const [message] = (await store.getConversation("owner", conversation.id))?.messages ?? [];
      expect(message?.parts).toEqual([{ type: "text", text: "a\ufffdb \ufffd c 😀" }]);
    } finally {
      await store.close();
    }
  });

  it("names the server and the cause, but not the password, when it cannot connect", async () => {
    const port = await closedPort();
    const error = await createPostgresStore(`postgres://app:s3cret-pw@127.0.0.1:${port}/chats`).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as Error).message).toBe(
      `Cannot use PostgreSQL at app@127.0.0.1:${port}/chats: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    expect((error as Error).message).not.toContain("s3cret-pw");
  });

  it("names a database that does not exist", async () => {
    const url = (await newDatabase()).replace(/\/[^/]+$/, "/no_such_database");
    await expect(createPostgresStore(url)).rejects.toThrow(
      /no_such_database.*database "no_such_database" does not exist/,
    );
  });
});
