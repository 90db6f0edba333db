import "server-only";
import { join, resolve } from "node:path";
import { getConfig } from "@/lib/config";
import { createPostgresStore } from "./postgres/store";
import { createSqliteStore } from "./sqlite/store";
import type { ChatStore } from "./types";

export { DatabaseOpenError, DuplicateIdError } from "./errors";
export { createPostgresStore } from "./postgres/store";
export { createSqliteStore } from "./sqlite/store";
export type {
  ChatStore,
  ConversationSummary,
  MessagePatch,
  MessageState,
  MessageUpdate,
  NewMessage,
  NewShare,
  SharePatch,
  ShareRecord,
  ShareSummary,
  StoredMessage,
} from "./types";

export const SQLITE_FILE_NAME = "r1-chat.sqlite";

// Next.js may evaluate this module in several bundles of one process; they must share one store.
const STORE_KEY = Symbol.for("r1-chat.chatStore");
type StoreHolder = typeof globalThis & { [STORE_KEY]?: Promise<ChatStore> };

/**
 * The configured store, opened (and migrated) on first use: PostgreSQL when DATABASE_URL is set,
 * otherwise SQLite in DATA_DIR. A failed open is not cached, so the next call tries again.
 */
export function getChatStore(): Promise<ChatStore> {
  const holder = globalThis as StoreHolder;
  let opening = holder[STORE_KEY];
  if (!opening) {
    opening = openConfiguredStore();
    holder[STORE_KEY] = opening;
    opening.catch(() => {
      if (holder[STORE_KEY] === opening) delete holder[STORE_KEY];
    });
  }
  return opening;
}

function openConfiguredStore(): Promise<ChatStore> {
  const { DATABASE_URL, DATA_DIR } = getConfig();
  if (DATABASE_URL) return createPostgresStore(DATABASE_URL);
  return createSqliteStore(join(resolve(DATA_DIR), SQLITE_FILE_NAME));
}
