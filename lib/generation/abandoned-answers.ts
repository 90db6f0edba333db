import "server-only";
import type { ChatStore } from "@/lib/db";
import type { GenerationHub } from "./hub";
import { RedisGenerationHub } from "./redis-hub";

/**
 * Answers left 'streaming' by a process that died become 'interrupted'. Alone, every such answer died with
 * the previous run of this process, so one sweep at start-up finds them all. With Redis, any instance may
 * die at any time and never come back: an answer counts as abandoned once no instance keeps its
 * generation's heartbeat fresh, and every instance sweeps once per heartbeat TTL for the answers of
 * instances that died since. Resolves after the first sweep, whether or not it could run; the returned
 * function stops the sweeps.
 */
export async function watchAbandonedAnswers(store: ChatStore, hub: GenerationHub): Promise<() => void> {
  if (!(hub instanceof RedisGenerationHub)) {
    report(await store.markStreamingInterrupted());
    return () => {};
  }
  const sweep = async () => {
    // An answer is stored a moment before its generation's heartbeat is set: one written within the last
    // TTL is left for the next sweep, which sees the heartbeat if the answer is alive.
    const writtenBefore = new Date(Date.now() - hub.runningTtlMs);
    report(await store.markStreamingInterrupted(await hub.runningKeys(), writtenBefore));
  };
  const sweepOrWarn = () =>
    sweep().catch((error: unknown) => console.error("[r1-chat] could not mark abandoned answers", error));
  // Timed before the first sweep, so a Redis or database that is briefly unreachable at start-up only
  // delays the sweeps instead of stopping them until the next restart.
  const timer = setInterval(sweepOrWarn, hub.runningTtlMs);
  timer.unref();
  // The first sweep also catches what a previous run of this instance left: its heartbeats lapse within a
  // TTL, so the next sweep sees them gone.
  await sweepOrWarn();
  return () => clearInterval(timer);
}

function report(interrupted: number): void {
  if (interrupted > 0) console.info(`[r1-chat] marked ${interrupted} unfinished answer(s) as interrupted`);
}
