import "server-only";
import { type AppConfig, ConfigError, getConfig } from "@/lib/config";
import { getChatStore } from "@/lib/db";
import { getGenerationHub, watchAbandonedAnswers } from "@/lib/generation";
import { servedModel } from "@/lib/upstream/served-model";
import { resolveUpstream, type Upstream } from "@/lib/upstream/upstream";

/**
 * Validates configuration once at start-up, so a bad variable stops the server with a clear message
 * instead of failing the first request; opens storage (running its migrations); starts the built-in
 * simulator when no vLLM is configured; and warms what the first chat request would otherwise wait for.
 */
export async function startServer(): Promise<void> {
  try {
    const config = getConfig();
    const store = await getChatStore();
    const marking = getGenerationHub(config).then((hub) => watchAbandonedAnswers(store, hub));
    if (config.REDIS_URL) {
      // Redis may be unreachable for now: the rest of the app does not wait for it.
      marking.catch((error: unknown) => console.error("[r1-chat] could not mark abandoned answers", error));
    } else await marking;
    const upstream = await resolveUpstream(config);
    await warmChatPath(upstream, config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[r1-chat] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Loads the chat modules (the AI SDK among them) and asks the upstream which model it serves, so the first
 * answer does not pay for them. The lookup is not awaited: an upstream that is slow or not up yet must not
 * hold up the start, and the first request looks it up again if this one failed.
 */
async function warmChatPath(upstream: Upstream, config: AppConfig): Promise<void> {
  void servedModel(upstream, config.VLLM_MODEL).catch(() => undefined);
  await import("@/lib/chat/chat-turn");
}
