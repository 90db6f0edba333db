import { createClient } from "redis";

export type RedisClient = ReturnType<typeof createClient>;

/** A connected Redis client whose connection errors are logged (unhandled, they would crash the process). */
export async function connectRedis(url: string, label: string): Promise<RedisClient> {
  const client = createClient({ url });
  client.on("error", (error: Error) => console.error(`[r1-chat] ${label}: ${error.message}`));
  await client.connect();
  return client;
}
