import "server-only";
import type { ChatStore } from "@/lib/db";
import type { GenerationHub } from "./hub";
import { RedisGenerationHub } from "./redis-hub";

/** Room for Redis's expiry to catch up after the TTL has passed. */
const EXPIRY_SLACK_MS = 1_000;

/**
 * At start-up, answers left 'streaming' by a process that died become 'interrupted'. Alone, every such
 * answer died with the previous run of this process. With Redis, other instances may still be writing
 * theirs: an answer counts as abandoned only when no instance keeps its generation's heartbeat fresh. The
 * previous run of this instance may have left heartbeats that have not expired yet, so the check runs
 * again once they have.
 */
export async function markAbandonedAnswers(store: ChatStore, hub: GenerationHub): Promise<void> {
  if (!(hub instanceof RedisGenerationHub)) {
    report(await store.markStreamingInterrupted());
    return;
  }
  const sweep = async () => report(await store.markStreamingInterrupted(await hub.runningKeys()));
  await sweep();
  setTimeout(() => {
    sweep().catch((error: unknown) => console.error("[r1-chat] could not mark abandoned answers", error));
  }, hub.runningTtlMs + EXPIRY_SLACK_MS).unref();
}

function report(interrupted: number): void {
  if (interrupted > 0) console.info(`[r1-chat] marked ${interrupted} unfinished answer(s) as interrupted`);
}
