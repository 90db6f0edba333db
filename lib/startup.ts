import "server-only";
import { ConfigError, getConfig } from "@/lib/config";
import { getChatStore } from "@/lib/db";
import { getGenerationHub, markAbandonedAnswers } from "@/lib/generation";
import { resolveUpstream } from "@/lib/upstream/upstream";

/**
 * Validates configuration once at start-up, so a bad variable stops the server with a clear message
 * instead of failing the first request; opens storage (running its migrations); and starts the built-in
 * simulator when no vLLM is configured.
 */
export async function startServer(): Promise<void> {
  try {
    const config = getConfig();
    const store = await getChatStore();
    const marking = getGenerationHub(config).then((hub) => markAbandonedAnswers(store, hub));
    if (config.REDIS_URL) {
      // Redis may be unreachable for now: the rest of the app does not wait for it.
      marking.catch((error: unknown) => console.error("[r1-chat] could not mark abandoned answers", error));
    } else await marking;
    await resolveUpstream(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[r1-chat] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
