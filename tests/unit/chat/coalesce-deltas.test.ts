import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coalesceDeltas } from "@/lib/chat/coalesce-deltas";

const encoder = new TextEncoder();
/** The server's keep-alive, an SSE comment, stands in the arrays below as this chunk. */
const KEEP_ALIVE = { type: "keep-alive" };
const sse = (chunk: object) =>
  chunk === KEEP_ALIVE ? ": keep-alive\n\n" : `data: ${JSON.stringify(chunk)}\n\n`;

type Chunk = { type: string; id?: string; delta?: string; [key: string]: unknown };

function streamOf(pieces: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

function eventsOf(text: string): Chunk[] {
  return text
    .split("\n\n")
    .filter((event) => event !== "")
    .map((event) =>
      event === ": keep-alive" ? KEEP_ALIVE : (JSON.parse(event.slice("data: ".length)) as Chunk),
    );
}

/** What a chat builds from the events: adjacent deltas of one part read as one. */
function merged(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const chunk of chunks) {
    const last = out.at(-1);
    const isDelta = chunk.type.endsWith("-delta") && Object.keys(chunk).length === 3;
    if (
      isDelta &&
      last &&
      last.type === chunk.type &&
      last.id === chunk.id &&
      Object.keys(last).length === 3
    ) {
      last.delta = `${last.delta}${chunk.delta}`;
    } else out.push({ ...chunk });
  }
  return out;
}

/** Splits bytes at the given points, as the network might (even inside a UTF-8 character). */
function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) pieces.push(bytes.slice(from, point));
    from = point;
  }
  return pieces;
}

const chunkArbitrary: fc.Arbitrary<Chunk> = fc.oneof(
  fc.record({
    type: fc.constantFrom("text-delta", "reasoning-delta"),
    id: fc.constantFrom("0", "1"),
    delta: fc.string({ unit: fc.constantFrom("a", " ", "$", "\n", "中", "é", '"', "\\", "😀") }),
  }),
  fc.record({
    type: fc.constantFrom("text-start", "text-end", "reasoning-start"),
    id: fc.constantFrom("0", "1"),
  }),
  fc.record({ type: fc.constant("message-metadata"), messageMetadata: fc.record({ n: fc.nat() }) }),
  fc.constant(KEEP_ALIVE),
);

describe("coalesceDeltas", () => {
  it("merges adjacent deltas of a part and keeps every other event (keep-alive comments too), in order, however bytes are split", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(chunkArbitrary), fc.array(fc.nat()), async (chunks, cuts) => {
        const bytes = encoder.encode(chunks.map(sse).join(""));
        const out = await new Response(coalesceDeltas(streamOf(splitAt(bytes, cuts)), 60_000)).text();
        expect(merged(eventsOf(out))).toEqual(merged(chunks));
      }),
    );
  });

  it("sends the first delta of a part at once, and one event for the run of deltas after it", async () => {
    const input = ["a", "b", "c"].map((delta) => sse({ type: "text-delta", id: "0", delta })).join("");
    const out = await new Response(coalesceDeltas(streamOf([encoder.encode(input)]), 60_000)).text();
    expect(out).toBe(
      sse({ type: "text-delta", id: "0", delta: "a" }) + sse({ type: "text-delta", id: "0", delta: "bc" }),
    );
  });

  it("does not hold back the first token of the answer", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(sse({ type: "text-start", id: "0" })));
        controller.enqueue(encoder.encode(sse({ type: "text-delta", id: "0", delta: "x" })));
      },
    });
    const reader = coalesceDeltas(source, 60_000).getReader();
    let text = "";
    while (!text.includes('"delta"')) text += new TextDecoder().decode((await reader.read()).value);
    expect(eventsOf(text)).toEqual([
      { type: "text-start", id: "0" },
      { type: "text-delta", id: "0", delta: "x" },
    ]);
    await reader.cancel();
  });

  it("hands gathered text on after the window, without waiting for more input", async () => {
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(sse({ type: "text-delta", id: "0", delta: "w" })));
        controller.enqueue(encoder.encode(sse({ type: "text-delta", id: "0", delta: "x" })));
        controller.enqueue(encoder.encode(sse({ type: "text-delta", id: "0", delta: "y" })));
        // The stream stays open: the model is still thinking about the next token.
      },
    });
    const reader = coalesceDeltas(source, 10).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(
      sse({ type: "text-delta", id: "0", delta: "w" }),
    );
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe(sse({ type: "text-delta", id: "0", delta: "xy" }));
    await reader.cancel();
  });

  it("leaves deltas that carry more than text alone", async () => {
    const input =
      sse({ type: "text-delta", id: "0", delta: "a", providerMetadata: { x: {} } }) +
      sse({ type: "text-delta", id: "0", delta: "b", providerMetadata: { x: {} } });
    const out = await new Response(coalesceDeltas(streamOf([encoder.encode(input)]), 60_000)).text();
    expect(out).toBe(input);
  });
});
