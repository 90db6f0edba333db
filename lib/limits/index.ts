import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import { connectRedis } from "@/lib/redis/connect";
import { MemoryStreamSlots, RedisStreamSlots } from "./stream-slots";
import { TurnLimits } from "./turn-limits";

export { clientIp } from "./client-ip";
export type { TurnClient, TurnLimits } from "./turn-limits";

const KEY = Symbol.for("r1-chat.turn-limits");
type Holder = { [KEY]?: Promise<TurnLimits> };

/** One set of limits per process, kept in Redis when REDIS_URL is set so every instance shares them. */
export function getTurnLimits(config: AppConfig = getConfig()): Promise<TurnLimits> {
  const holder = globalThis as Holder;
  holder[KEY] ??= config.REDIS_URL
    ? connectRedis(config.REDIS_URL, "Redis (limits)").then(
        (redis) => new TurnLimits(config, new RedisStreamSlots(redis), redis),
      )
    : Promise.resolve(new TurnLimits(config, new MemoryStreamSlots()));
  return holder[KEY];
}
