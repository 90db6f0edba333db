import type { ChunkKind } from "./stream-timer";

export interface ArrivalListener {
  /** The answer's message id, from the stream's `start` chunk. */
  start(messageId: string): void;
  /** One network read delivered `deltas` token chunks of these kinds at `at`. */
  read(kinds: ChunkKind[], at: number): void;
  end(at: number): void;
}

/** Chunks the tap may hold for a busy consumer; far more than a stream ever gets ahead by. */
const ARRIVAL_BUFFER_CHUNKS = 4_096;
const DELTA = /^data: \{"type":"(reasoning|text)-delta"/;
const START = 'data: {"type":"start"';

/**
 * Passes the BFF's SSE bytes through untouched while noting when each token chunk arrived, on the
 * browser's clock. Only complete lines are inspected, by prefix (no JSON parsing per token), so it costs
 * little per chunk and never changes what the chat receives.
 */
export function tapArrivals(
  body: ReadableStream<Uint8Array>,
  listener: ArrivalListener,
  now: () => number = () => performance.now(),
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let carry = "";
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>(
      {
        transform(bytes, controller) {
          controller.enqueue(bytes);
          const at = now();
          const lines = (carry + decoder.decode(bytes, { stream: true })).split("\n");
          carry = lines.pop() ?? "";
          const kinds: ChunkKind[] = [];
          for (const line of lines) {
            const delta = DELTA.exec(line);
            if (delta) {
              kinds.push(delta[1] === "reasoning" ? "reasoning" : "answer");
              continue;
            }
            // One start line per stream: parsing it whole is cheap and finds the id wherever it sits.
            if (line.startsWith(START)) {
              const messageId = (JSON.parse(line.slice("data: ".length)) as { messageId?: unknown })
                .messageId;
              if (typeof messageId === "string") listener.start(messageId);
            }
          }
          if (kinds.length > 0) listener.read(kinds, at);
        },
        flush() {
          listener.end(now());
        },
      },
      // Read eagerly so a chunk is timed when it arrives, not when the chat gets round to consuming it.
      new CountQueuingStrategy({ highWaterMark: 1 }),
      new CountQueuingStrategy({ highWaterMark: ARRIVAL_BUFFER_CHUNKS }),
    ),
  );
}
