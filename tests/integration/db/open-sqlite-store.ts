// Run as its own process by sqlite.test.ts: opens (and so migrates) the SQLite database given as argument
// at the given moment, so that several processes, whatever their start-up times, open it together.
import { setTimeout as sleep } from "node:timers/promises";
import { createSqliteStore } from "@/lib/db";

const [path, openAt] = process.argv.slice(2);
await sleep(Number(openAt) - Date.now());
const store = await createSqliteStore(path as string);
await store.close();
