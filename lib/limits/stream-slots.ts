import { randomUUID } from "node:crypto";
import type { RedisClient } from "@/lib/redis/connect";

/** Gives a slot back; calling it twice is harmless. */
export type ReleaseSlot = () => Promise<void>;

/** Counted slots for streams in progress: at most `cap` holders of one key at a time. */
export interface StreamSlots {
  /** A release function when a slot was free, or null when all `cap` slots of this key are taken. */
  acquire(key: string, cap: number): Promise<ReleaseSlot | null>;
  /** How many slots of this key are held now. */
  held(key: string): Promise<number>;
}

/** One instance: counts in this process. */
export class MemoryStreamSlots implements StreamSlots {
  private readonly counts = new Map<string, number>();

  async acquire(key: string, cap: number): Promise<ReleaseSlot | null> {
    const count = this.counts.get(key) ?? 0;
    if (count >= cap) return null;
    this.counts.set(key, count + 1);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  async held(key: string): Promise<number> {
    return this.counts.get(key) ?? 0;
  }
}

/**
 * A slot is a lease with an expiry, renewed while its stream runs, so an instance that crashes
 * mid-stream gives its slots back within LEASE_MS instead of leaking them forever. It lapses as soon as
 * the generation's own heartbeat (lib/generation/redis-hub.ts), so the answer marked interrupted can be
 * retried at once.
 */
const LEASE_MS = 10_000;
const RENEW_EVERY_MS = LEASE_MS / 3;
const slotsKey = (key: string) => `r1:limits:slots:${key}`;

// Expired leases are dropped, then the lease is added only while fewer than the cap are held.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/** Several instances: leases in a Redis sorted set per key, scored by when they expire. */
export class RedisStreamSlots implements StreamSlots {
  constructor(private readonly client: RedisClient) {}

  async acquire(key: string, cap: number): Promise<ReleaseSlot | null> {
    const lease = randomUUID();
    const now = Date.now();
    const granted = await this.client.eval(ACQUIRE, {
      keys: [slotsKey(key)],
      arguments: [String(now), String(now + LEASE_MS), lease, String(cap), String(LEASE_MS)],
    });
    if (granted !== 1) return null;
    const renew = setInterval(() => {
      const expiresAt = Date.now() + LEASE_MS;
      void this.client
        .multi()
        .zAdd(slotsKey(key), { score: expiresAt, value: lease }, { XX: true })
        .pExpire(slotsKey(key), LEASE_MS)
        .exec()
        .catch((error: unknown) => console.error("[r1-chat] could not renew a stream slot", error));
    }, RENEW_EVERY_MS);
    renew.unref();
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      clearInterval(renew);
      await this.client.zRem(slotsKey(key), lease);
    };
  }

  async held(key: string): Promise<number> {
    await this.client.zRemRangeByScore(slotsKey(key), "-inf", Date.now());
    return this.client.zCard(slotsKey(key));
  }
}
