import { startPostgres } from "@/tests/support/postgres";
import { defineBadInputSuite } from "./bad-input.suite";

// PostgreSQL refuses some text SQLite stores (NUL characters, unpaired surrogates in JSON).
defineBadInputSuite(async () => {
  const server = await startPostgres();
  process.env.DATABASE_URL = await server.newDatabase();
  process.env.OWNER_COOKIE_SECRET = "bad-input-suite-secret-0123456789abcdef";
  return () => server.stop();
});
