import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import type { StreamSlots } from "@/lib/limits/stream-slots";
import { TurnLimits } from "@/lib/limits/turn-limits";
import type { RedisClient } from "@/lib/redis/connect";

const settings = {
  RATE_LIMIT_OWNER_PER_MINUTE: 4,
  RATE_LIMIT_IP_PER_MINUTE: 5,
  MAX_STREAMS_PER_OWNER: 2,
  MAX_UPSTREAM_STREAMS: 3,
};

async function rejection(admission: Promise<unknown>): Promise<RateLimitedError> {
  const error = await admission.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof RateLimitedError))
    throw new Error(`expected a RateLimitedError, got ${String(error)}`);
  return error;
}

/** The same behaviour whether the limits live in this process or in Redis. */
export function describeTurnLimits(
  name: string,
  setup: () => Promise<{ slots: StreamSlots; redis?: RedisClient }>,
): void {
  describe(`turn limits (${name})`, () => {
    const limits = async () => {
      const { slots, redis } = await setup();
      return new TurnLimits(settings, slots, redis);
    };
    const unique = () => crypto.randomUUID();

    it("turns away an owner's fifth question in a minute with a wait in seconds", async () => {
      const turns = await limits();
      const ownerId = unique();
      for (let i = 0; i < 4; i++) await (await turns.admit({ ownerId, ip: undefined }))();
      const error = await rejection(turns.admit({ ownerId, ip: undefined }));
      expect(error.limit).toBe("owner_rate");
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(error.message).toMatch(
        /^You have asked 4 questions in the last minute, the most allowed\. Please wait \d+ s\.$/,
      );
      // Another owner is not affected.
      await (await turns.admit({ ownerId: unique(), ip: undefined }))();
    });

    it("limits one address across owners", async () => {
      const turns = await limits();
      const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 5; i++) await (await turns.admit({ ownerId: unique(), ip }))();
      const error = await rejection(turns.admit({ ownerId: unique(), ip }));
      expect(error.limit).toBe("ip_rate");
      expect(error.message).toMatch(/^Too many questions from your network: at most 5 a minute/);
    });

    it("caps the answers one owner has in progress, and frees the slot when one ends", async () => {
      const turns = await limits();
      const ownerId = unique();
      const first = await turns.admit({ ownerId, ip: undefined });
      await turns.admit({ ownerId, ip: undefined });
      const error = await rejection(turns.admit({ ownerId, ip: undefined }));
      expect(error.limit).toBe("owner_streams");
      expect(error.message).toBe(
        "You already have 2 answers being written, the most at once. Wait for one to finish or stop it.",
      );
      await first();
      await first();
      await turns.admit({ ownerId, ip: undefined });
    });

    it("caps the answers sent upstream across owners, without leaking the owner's slot", async () => {
      const turns = await limits();
      const releases = [];
      for (let i = 0; i < 3; i++) releases.push(await turns.admit({ ownerId: unique(), ip: undefined }));
      const ownerId = unique();
      const error = await rejection(turns.admit({ ownerId, ip: undefined }));
      expect(error.limit).toBe("upstream_streams");
      expect(error.message).toMatch(/^The model server is already writing 3 answers/);
      await Promise.all(releases.map((release) => release()));
      // The rejected turn took back its owner slot: two more fit for this owner.
      await turns.admit({ ownerId, ip: undefined });
      await turns.admit({ ownerId, ip: undefined });
    });
  });
}
