import type { AnswerFeed, ChunkSource } from "@/lib/generation/hub";
import { LiveAnswer } from "@/lib/http/live-answer";

const encoder = new TextEncoder();

/**
 * A viewer's feed as the bytes a browser receives: the sink is full while the stream's queue is (as a
 * socket's write buffer would be), and reading on resumes it.
 */
export function feedStream(feed: AnswerFeed): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      feed.start({
        write: (text) => {
          controller.enqueue(encoder.encode(text));
          return (controller.desiredSize ?? 0) > 0;
        },
        end: () => controller.close(),
        fail: (error) => controller.error(error),
      });
    },
    pull: () => feed.resume(),
    cancel: () => feed.cancel(),
  });
}

/** What a route handed back, as the response the browser gets (nodeRoute writes a live answer's feed). */
export function asResponse(result: Response | LiveAnswer): Response {
  if (!LiveAnswer.is(result)) return result;
  return new Response(feedStream(result.feed), { status: result.status, headers: result.headers });
}

/** A UI message stream chunk as the AI SDK sends it over SSE (`data: {...}`). */
export type UiChunk = {
  type: string;
  delta?: string;
  errorText?: string;
  messageMetadata?: Record<string, unknown>;
};

/** Reads the BFF's SSE response into chunks, optionally stopping early (the caller then aborts). */
export async function readUiChunks(
  response: Response,
  until: (chunks: UiChunk[]) => boolean = () => false,
): Promise<UiChunk[]> {
  if (!response.body) throw new Error("response has no body");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const chunks: UiChunk[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf("\n\n");
      const data = event
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      if (!data || data === "[DONE]") continue;
      chunks.push(JSON.parse(data) as UiChunk);
    }
    if (until(chunks)) {
      await reader.cancel();
      break;
    }
  }
  return chunks;
}

/** Collects an answer's UI message chunks (as the BFF produces them before SSE framing) until it ends. */
export async function readChunks(source: ChunkSource): Promise<UiChunk[]> {
  const chunks: UiChunk[] = [];
  await source((chunk) => chunks.push(chunk as UiChunk));
  return chunks;
}

export function joinDeltas(chunks: UiChunk[], type: "reasoning-delta" | "text-delta"): string {
  return chunks
    .filter((chunk) => chunk.type === type)
    .map((chunk) => chunk.delta ?? "")
    .join("");
}

/** Arrival figures as the browser sends them back after an answer (PUT …/timing). */
export const browserTimingSample = {
  clock: "browser",
  ttftMs: 52,
  phases: { waitingMs: 52, thinkingMs: 300, answeringMs: 200 },
  chunks: { reasoning: 30, answer: 20 },
  gaps: { count: 49, p50Ms: 10, p95Ms: 14, maxMs: 30 },
  stalls: { count: 0, longestMs: 0, thresholdMs: 250 },
  recentGapsMs: [10, 11, 9],
  ended: true,
  reads: 50,
  resumed: false,
};

export function userMessage(text: string, id: string = crypto.randomUUID()) {
  return { id, role: "user" as const, parts: [{ type: "text" as const, text }] };
}

export async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
