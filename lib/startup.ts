import "server-only";
import { ConfigError, getConfig } from "@/lib/config";
import { resolveUpstream } from "@/lib/upstream/upstream";

/**
 * Validates configuration once at start-up, so a bad variable stops the server with a clear message
 * instead of failing the first request, and starts the built-in simulator when no vLLM is configured.
 */
export async function startServer(): Promise<void> {
  try {
    await resolveUpstream(getConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[r1-chat] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
