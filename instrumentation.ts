/**
 * Validates configuration once at start-up (so a bad variable stops the server with a clear message
 * instead of failing the first request) and starts the built-in simulator when no vLLM is configured.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("@/lib/config");
  try {
    const config = getConfig();
    const { resolveUpstream } = await import("@/lib/upstream/upstream");
    await resolveUpstream(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[r1-chat] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
