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
    await markAbandonedAnswers(store, await getGenerationHub(config));
    await resolveUpstream(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[r1-chat] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
