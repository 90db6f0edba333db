import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import type { GenerationHub } from "./hub";
import { MemoryGenerationHub } from "./memory-hub";
import { RedisGenerationHub } from "./redis-hub";

export { watchAbandonedAnswers } from "./abandoned-answers";
export type { GenerationHub } from "./hub";

const KEY = Symbol.for("r1-chat.generation-hub");
type Holder = { [KEY]?: Promise<GenerationHub> };

/** One hub per process (Next.js may load this module in several bundles, hence globalThis). */
export function getGenerationHub(config: AppConfig = getConfig()): Promise<GenerationHub> {
  const holder = globalThis as Holder;
  holder[KEY] ??= config.REDIS_URL
    ? RedisGenerationHub.connect(config.REDIS_URL)
    : Promise.resolve(new MemoryGenerationHub());
  return holder[KEY];
}
