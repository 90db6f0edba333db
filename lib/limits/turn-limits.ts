import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { AppConfig } from "@/lib/config";
import { type LimitKind, RateLimitedError } from "@/lib/errors";
import type { RedisClient } from "@/lib/redis/connect";
import type { ReleaseSlot, StreamSlots } from "./stream-slots";

type TurnLimitSettings = Pick<
  AppConfig,
  | "RATE_LIMIT_OWNER_PER_MINUTE"
  | "RATE_LIMIT_IP_PER_MINUTE"
  | "MAX_STREAMS_PER_OWNER"
  | "MAX_UPSTREAM_STREAMS"
>;

export interface TurnClient {
  ownerId: string;
  /** Unknown when no address could be read from the request; the per-IP limit is then skipped. */
  ip: string | undefined;
}

type RateLimiter = RateLimiterMemory | RateLimiterRedis;

const WINDOW_S = 60;
/** A busy stream slot frees when an answer ends, which takes a while for a reasoning model. */
const OWNER_STREAMS_RETRY_S = 5;
const UPSTREAM_STREAMS_RETRY_S = 10;
export const UPSTREAM_SLOTS_KEY = "upstream";
export const ownerSlotsKey = (ownerId: string) => `owner:${ownerId}`;

/**
 * What a chat turn must pass before it may call the model server: requests a minute per owner and per
 * client address, answers in progress per owner, and answers in progress across all owners.
 */
export class TurnLimits {
  private readonly ownerRate: RateLimiter;
  private readonly ipRate: RateLimiter;

  constructor(
    private readonly settings: TurnLimitSettings,
    private readonly slots: StreamSlots,
    redis?: RedisClient,
  ) {
    this.ownerRate = rateLimiter("owner", settings.RATE_LIMIT_OWNER_PER_MINUTE, redis);
    this.ipRate = rateLimiter("ip", settings.RATE_LIMIT_IP_PER_MINUTE, redis);
  }

  /** Admits one answer, or throws RateLimitedError; the returned function frees its stream slots. */
  async admit(client: TurnClient): Promise<ReleaseSlot> {
    const { settings } = this;
    if (client.ip !== undefined) {
      await consume(
        this.ipRate,
        client.ip,
        "ip_rate",
        (wait) =>
          `Too many questions from your network: at most ${settings.RATE_LIMIT_IP_PER_MINUTE} a minute. Please wait ${wait} s.`,
      );
    }
    await consume(
      this.ownerRate,
      client.ownerId,
      "owner_rate",
      (wait) =>
        `You have asked ${settings.RATE_LIMIT_OWNER_PER_MINUTE} questions in the last minute, the most allowed. Please wait ${wait} s.`,
    );

    const releaseOwner = await this.slots.acquire(
      ownerSlotsKey(client.ownerId),
      settings.MAX_STREAMS_PER_OWNER,
    );
    if (!releaseOwner) {
      throw new RateLimitedError(
        "owner_streams",
        `You already have ${settings.MAX_STREAMS_PER_OWNER} answers being written, the most at once. Wait for one to finish or stop it.`,
        OWNER_STREAMS_RETRY_S,
      );
    }
    const releaseUpstream = await this.slots.acquire(UPSTREAM_SLOTS_KEY, settings.MAX_UPSTREAM_STREAMS);
    if (!releaseUpstream) {
      await releaseOwner();
      throw new RateLimitedError(
        "upstream_streams",
        `The model server is already writing ${settings.MAX_UPSTREAM_STREAMS} answers, the most it takes at once. Please try again in a moment.`,
        UPSTREAM_STREAMS_RETRY_S,
      );
    }
    return async () => {
      await Promise.all([releaseUpstream(), releaseOwner()]);
    };
  }
}

function rateLimiter(name: string, perMinute: number, redis: RedisClient | undefined): RateLimiter {
  const options = { keyPrefix: `r1:limits:${name}`, points: perMinute, duration: WINDOW_S };
  if (!redis) return new RateLimiterMemory(options);
  // If Redis is unreachable, each instance keeps limiting on its own rather than letting everything through.
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    useRedisPackage: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

async function consume(
  limiter: RateLimiter,
  key: string,
  limit: LimitKind,
  message: (waitSeconds: number) => string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const wait = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new RateLimitedError(limit, message(wait), wait);
  }
}
