import type { UIMessageChunk } from "ai";
import { connectRedis, type RedisClient } from "@/lib/redis/connect";
import { type GenerationHub, REPLAY_AFTER_END_MS } from "./hub";

const STOP_CHANNEL = "r1:generation:stop";
const logKey = (key: string) => `r1:generation:${key}:log`;
const runningKey = (key: string) => `r1:generation:${key}:running`;
/** A generation that outlives this (a crashed instance) no longer counts as running. */
const RUNNING_TTL_S = 3_600;
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
  ) {}

  static async connect(url: string): Promise<RedisGenerationHub> {
    const client = await connectRedis(url, "Redis");
    const subscriber = client.duplicate();
    subscriber.on("error", (error: Error) => console.error(`[r1-chat] Redis subscriber: ${error.message}`));
    await subscriber.connect();
    const hub = new RedisGenerationHub(client, subscriber);
    await subscriber.subscribe(STOP_CHANNEL, (key) => hub.localAborts.get(key)?.abort());
    return hub;
  }

  async run(key: string, chunks: ReadableStream<UIMessageChunk>, abort: AbortController): Promise<void> {
    this.localAborts.set(key, abort);
    await this.client
      .multi()
      .del(logKey(key))
      .set(runningKey(key), "1")
      .expire(runningKey(key), RUNNING_TTL_S)
      .exec();
    const writes: Promise<unknown>[] = [];
    try {
      const reader = chunks.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Not awaited one by one: commands on one connection keep their order and get pipelined.
        writes.push(this.client.xAdd(logKey(key), "*", { chunk: JSON.stringify(value) }));
      }
    } finally {
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

  async subscribe(key: string): Promise<ReadableStream<UIMessageChunk> | null> {
    if (!(await this.client.exists([logKey(key), runningKey(key)]))) return null;
    const reader = this.client.duplicate();
    reader.on("error", () => {});
    await reader.connect();
    this.readers.add(reader);
    const release = async () => {
      if (!this.readers.delete(reader)) return;
      await reader.close().catch(() => {});
    };
    let lastId = "0";
    return new ReadableStream<UIMessageChunk>({
      pull: async (controller) => {
        for (;;) {
          const result = await reader.xRead(
            { key: logKey(key), id: lastId },
            { BLOCK: READ_BLOCK_MS, COUNT: 256 },
          );
          const entries = (
            result as { messages: { id: string; message: Record<string, string> }[] }[] | null
          )?.[0]?.messages;
          if (!entries || entries.length === 0) {
            // Nothing new: the log may have expired, or the instance that wrote it died mid-answer.
            if (await this.client.exists(runningKey(key))) continue;
            controller.close();
            await release();
            return;
          }
          for (const entry of entries) {
            lastId = entry.id;
            if (entry.message.end) {
              controller.close();
              await release();
              return;
            }
            controller.enqueue(JSON.parse(entry.message.chunk as string) as UIMessageChunk);
          }
          return;
        }
      },
      cancel: release,
    });
  }

  async isRunning(key: string): Promise<boolean> {
    return (await this.client.exists(runningKey(key))) === 1;
  }

  async stop(key: string): Promise<boolean> {
    const running = await this.isRunning(key);
    if (running) await this.client.publish(STOP_CHANNEL, key);
    return running;
  }

  async close(): Promise<void> {
    for (const abort of this.localAborts.values()) abort.abort();
    await Promise.all([...this.readers].map((reader) => reader.close().catch(() => {})));
    await this.subscriber.close();
    await this.client.close();
  }
}
