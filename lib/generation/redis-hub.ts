import { connectRedis, type RedisClient } from "@/lib/redis/connect";
import {
  type AnswerFeed,
  type ChunkSource,
  type FeedSink,
  type GenerationHub,
  REPLAY_AFTER_END_MS,
} from "./hub";
import { UI_STREAM_DONE, uiStreamEvent } from "./ui-stream-frames";

const STOP_CHANNEL = "r1:generation:stop";
const logKey = (key: string) => `r1:generation:${key}:log`;
const RUNNING_PREFIX = "r1:generation:";
const RUNNING_SUFFIX = ":running";
const runningKey = (key: string) => `${RUNNING_PREFIX}${key}${RUNNING_SUFFIX}`;
/**
 * The instance running a generation renews its running key three times per TTL; a key not renewed for a
 * whole TTL has lost its instance (crashed, killed, cut off from Redis): the generation no longer counts
 * as running, so the conversation is not blocked and followers stop waiting.
 */
const RUNNING_TTL_MS = 10_000;
const HEARTBEATS_PER_TTL = 3;
const READ_BLOCK_MS = 5_000;

/**
 * Several app instances: each generation's chunks go to a Redis stream any instance can replay and
 * follow, and Stop is published so the instance running the generation aborts it.
 */
export class RedisGenerationHub implements GenerationHub {
  private readonly localAborts = new Map<string, AbortController>();
  private readonly readers = new Set<RedisClient>();

  private constructor(
    private readonly client: RedisClient,
    private readonly subscriber: RedisClient,
    readonly runningTtlMs: number,
  ) {}

  static async connect(url: string, { runningTtlMs = RUNNING_TTL_MS } = {}): Promise<RedisGenerationHub> {
    const client = await connectRedis(url, "Redis");
    const subscriber = client.duplicate();
    subscriber.on("error", (error: Error) => console.error(`[r1-chat] Redis subscriber: ${error.message}`));
    await subscriber.connect();
    const hub = new RedisGenerationHub(client, subscriber, runningTtlMs);
    await subscriber.subscribe(STOP_CHANNEL, (key) => hub.localAborts.get(key)?.abort());
    return hub;
  }

  async run(key: string, source: ChunkSource, abort: AbortController): Promise<void> {
    this.localAborts.set(key, abort);
    await this.client.multi().del(logKey(key)).set(runningKey(key), "1", { PX: this.runningTtlMs }).exec();
    const heartbeat = setInterval(() => {
      this.client.pExpire(runningKey(key), this.runningTtlMs).catch(() => {});
    }, this.runningTtlMs / HEARTBEATS_PER_TTL);
    const writes: Promise<unknown>[] = [];
    try {
      // Not awaited one by one: commands on one connection keep their order and get pipelined.
      await source((chunk) =>
        writes.push(this.client.xAdd(logKey(key), "*", { chunk: JSON.stringify(chunk) })),
      );
    } finally {
      clearInterval(heartbeat);
      this.localAborts.delete(key);
      writes.push(
        this.client
          .multi()
          .xAdd(logKey(key), "*", { end: "1" })
          .pExpire(logKey(key), REPLAY_AFTER_END_MS)
          .del(runningKey(key))
          .exec(),
      );
      await Promise.all(writes);
    }
  }

  async subscribe(key: string): Promise<AnswerFeed | null> {
    if (!(await this.client.exists([logKey(key), runningKey(key)]))) return null;
    const reader = this.client.duplicate();
    reader.on("error", () => {});
    await reader.connect();
    this.readers.add(reader);
    const release = () => {
      // destroy, not close: close would wait for a blocking read to time out.
      if (this.readers.delete(reader)) reader.destroy();
    };
    let room: (() => void) | undefined;
    const follow = async (sink: FeedSink) => {
      let lastId = "0";
      for (;;) {
        const result = await reader.xRead(
          { key: logKey(key), id: lastId },
          { BLOCK: READ_BLOCK_MS, COUNT: 256 },
        );
        if (!this.readers.has(reader)) return;
        const entries = (
          result as { messages: { id: string; message: Record<string, string> }[] }[] | null
        )?.[0]?.messages;
        if (!entries || entries.length === 0) {
          // Nothing new: the log may have expired, or the instance that wrote it died mid-answer.
          if (await this.client.exists(runningKey(key))) continue;
          sink.write(UI_STREAM_DONE);
          sink.end();
          return;
        }
        let text = "";
        let ended = false;
        for (const entry of entries) {
          lastId = entry.id;
          if (entry.message.end) {
            ended = true;
            break;
          }
          // Stored as the chunk's JSON: framed as it is, never parsed on the way through.
          text += uiStreamEvent(entry.message.chunk as string);
        }
        if (ended) {
          sink.write(text + UI_STREAM_DONE);
          sink.end();
          return;
        }
        if (!sink.write(text)) await new Promise<void>((resolve) => (room = resolve));
      }
    };
    return {
      start: (sink) => {
        follow(sink)
          .catch((error: unknown) => {
            if (this.readers.has(reader)) sink.fail(error);
          })
          .finally(release);
      },
      resume: () => room?.(),
      cancel: () => {
        release();
        room?.();
      },
    };
  }

  async isRunning(key: string): Promise<boolean> {
    return (await this.client.exists(runningKey(key))) === 1;
  }

  /** The keys of the generations some instance is running now (its heartbeat is fresh). */
  async runningKeys(): Promise<string[]> {
    const keys: string[] = [];
    for await (const batch of this.client.scanIterator({ MATCH: runningKey("*"), COUNT: 500 })) {
      for (const name of batch) keys.push(name.slice(RUNNING_PREFIX.length, -RUNNING_SUFFIX.length));
    }
    return keys;
  }

  async stop(key: string): Promise<boolean> {
    const running = await this.isRunning(key);
    if (running) await this.client.publish(STOP_CHANNEL, key);
    return running;
  }

  readonly kind = "redis";

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    for (const abort of this.localAborts.values()) abort.abort();
    for (const reader of this.readers) reader.destroy();
    // A client that lost Redis would wait for it to come back before closing: let it go at once.
    for (const client of [this.subscriber, this.client]) {
      if (client.isReady) await client.close();
      else client.destroy();
    }
  }
}
