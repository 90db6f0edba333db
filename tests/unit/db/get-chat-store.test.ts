import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";

const config = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock("@/lib/config", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/config")>()),
  getConfig: () => config.current,
}));

const root = mkdtempSync(join(tmpdir(), "r1-chat-store-"));
const STORE_KEY = Symbol.for("r1-chat.chatStore");
const holder = globalThis as { [STORE_KEY]?: Promise<{ close(): Promise<void> }> };

afterEach(async () => {
  await (await holder[STORE_KEY]?.catch(() => undefined))?.close();
  delete holder[STORE_KEY];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("getChatStore", () => {
  it("opens SQLite in DATA_DIR when DATABASE_URL is unset", async () => {
    const dataDir = join(root, "data");
    config.current = parseConfig({ DATA_DIR: dataDir });
    const { getChatStore, SQLITE_FILE_NAME } = await import("@/lib/db");
    const store = await getChatStore();
    expect(existsSync(join(dataDir, SQLITE_FILE_NAME))).toBe(true);
    const conversation = await store.createConversation("owner", { title: "stored" });
    expect(await store.listConversations("owner")).toEqual([conversation]);
  });

  it("opens one store per process, even when the module is loaded again by another bundle", async () => {
    config.current = parseConfig({ DATA_DIR: join(root, "shared") });
    const first = await import("@/lib/db");
    vi.resetModules();
    const second = await import("@/lib/db");
    expect(second).not.toBe(first);
    const [a, b] = await Promise.all([first.getChatStore(), second.getChatStore()]);
    expect(a).toBe(b);
  });

  it("does not keep a failed open, so the next call tries again", async () => {
    const blocked = join(root, "blocked");
    writeFileSync(blocked, "a file where the data directory should be");
    config.current = parseConfig({ DATA_DIR: blocked });
    const { getChatStore, DatabaseOpenError } = await import("@/lib/db");
    await expect(getChatStore()).rejects.toBeInstanceOf(DatabaseOpenError);

    config.current = parseConfig({ DATA_DIR: join(root, "fixed") });
    await expect(getChatStore()).resolves.toBeDefined();
  });
});
