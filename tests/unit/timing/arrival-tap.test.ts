import { describe, expect, it } from "vitest";
import { tapArrivals } from "@/lib/timing/arrival-tap";
import type { ChunkKind } from "@/lib/timing/stream-timer";

const encoder = new TextEncoder();
const sse = (chunk: object) => `data: ${JSON.stringify(chunk)}\n\n`;

async function run(pieces: (string | Uint8Array)[]) {
  const events: { start?: string; reads: { kinds: ChunkKind[]; at: number }[]; ended: boolean } = {
    reads: [],
    ended: false,
  };
  let clock = 0;
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces)
        controller.enqueue(typeof piece === "string" ? encoder.encode(piece) : piece);
      controller.close();
    },
  });
  const tapped = tapArrivals(
    source,
    {
      start: (id) => {
        events.start = id;
      },
      read: (kinds, at) => events.reads.push({ kinds, at }),
      end: () => {
        events.ended = true;
      },
    },
    () => ++clock,
  );
  const passed = await new Response(tapped).text();
  return { events, passed };
}

describe("tapArrivals", () => {
  it("passes the bytes through untouched and notes each read's token chunks", async () => {
    const pieces = [
      sse({ type: "start", messageMetadata: { model: "m" }, messageId: "answer-7" }),
      sse({ type: "reasoning-delta", id: "r", delta: "Okay" }) +
        sse({ type: "reasoning-delta", id: "r", delta: "," }),
      sse({ type: "text-delta", id: "t", delta: "42" }),
      sse({ type: "finish" }),
    ];
    const { events, passed } = await run(pieces);
    expect(passed).toBe(pieces.join(""));
    expect(events.start).toBe("answer-7");
    expect(events.reads).toEqual([
      { kinds: ["reasoning", "reasoning"], at: 2 },
      { kinds: ["answer"], at: 3 },
    ]);
    expect(events.ended).toBe(true);
  });

  it("handles events split across network reads and multi-byte characters split across bytes", async () => {
    const whole = sse({ type: "text-delta", id: "t", delta: "答案是四十二" });
    const bytes = encoder.encode(whole);
    const insideFirstCjkCharacter = bytes.indexOf(0xe7) + 1;
    const { events, passed } = await run([
      bytes.slice(0, insideFirstCjkCharacter),
      bytes.slice(insideFirstCjkCharacter),
    ]);
    expect(passed).toBe(whole);
    expect(insideFirstCjkCharacter).toBeGreaterThan(40);
    expect(events.reads.map((read) => read.kinds)).toEqual([["answer"]]);
  });

  it("does not mistake a delta's text for an event", async () => {
    const { events } = await run([
      sse({ type: "text-delta", id: "t", delta: '\ndata: {"type":"text-delta"' }),
    ]);
    expect(events.reads.map((read) => read.kinds)).toEqual([["answer"]]);
  });
});
