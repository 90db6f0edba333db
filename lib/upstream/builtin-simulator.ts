import "server-only";
import type { AppConfig } from "@/lib/config";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";

const KEY = Symbol.for("r1-chat.builtin-simulator");
type Holder = { [KEY]?: Promise<SimServer> };

/**
 * Starts the built-in vLLM simulator once per process. Next.js may load this module in several bundles
 * (instrumentation, route handlers), so the instance lives on globalThis rather than in module scope.
 */
export function builtinSimulator(config: AppConfig): Promise<SimServer> {
  const holder = globalThis as Holder;
  holder[KEY] ??= startSimServer({
    port: config.SIM_PORT,
    ttftMs: config.SIM_TTFT_MS,
    itlMs: config.SIM_ITL_MS,
    reasoningParser: config.SIM_REASONING_PARSER,
    emulateVersion: config.SIM_EMULATE_VERSION,
  }).then((server) => {
    console.info(
      `[r1-chat] VLLM_BASE_URL is not set: serving a SIMULATED ${server.options.servedModelName} at ${server.url}/v1. Set VLLM_BASE_URL to use a real vLLM server.`,
    );
    return server;
  });
  return holder[KEY];
}
