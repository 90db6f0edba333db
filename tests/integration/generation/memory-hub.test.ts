import type { UIMessageChunk } from "ai";
import { afterAll, describe, expect, it } from "vitest";
import type { ChunkSource } from "@/lib/generation/hub";
import { MemoryGenerationHub } from "@/lib/generation/memory-hub";
import { defineHubSuite, manualSource, readFeedChunks } from "./hub.suite";

const hub = new MemoryGenerationHub();
afterAll(() => hub.close());

defineHubSuite("memory generation hub (one instance)", () => ({ runner: hub, viewer: hub }));

describe("memory generation hub, after an answer ends", () => {
  const answer: UIMessageChunk[] = [
    { type: "start", messageId: "m" },
    { type: "reasoning-start", id: "r" },
    ...["Let", " me", " think"].map((delta): UIMessageChunk => ({ type: "reasoning-delta", id: "r", delta })),
    { type: "reasoning-end", id: "r" },
    { type: "text-start", id: "t" },
    ...["4", "2", "."].map((delta): UIMessageChunk => ({ type: "text-delta", id: "t", delta })),
    { type: "text-end", id: "t" },
    { type: "finish" },
  ];
  const source = (): ChunkSource => async (emit) => {
    for (const chunk of answer) emit(chunk);
  };

  it("replays a finished answer with its deltas joined, once no viewer is still reading", async () => {
    const own = new MemoryGenerationHub();
    await own.run("joined", source(), new AbortController());
    expect(await readFeedChunks(await own.subscribe("joined"))).toEqual([
      answer[0],
      answer[1],
      { type: "reasoning-delta", id: "r", delta: "Let me think" },
      answer[5],
      answer[6],
      { type: "text-delta", id: "t", delta: "42." },
      answer[10],
      answer[11],
    ]);
    await own.close();
  });

  it("gives a viewer that followed the answer live every chunk as it came", async () => {
    const own = new MemoryGenerationHub();
    const done = own.run("live", source(), new AbortController());
    const live = readFeedChunks(await own.subscribe("live"));
    await done;
    expect(await live).toEqual(answer);
    await own.close();
  });

  it("writes nothing to a full sink until it is resumed, then everything that waited in one piece", async () => {
    const own = new MemoryGenerationHub();
    const live = manualSource();
    const done = own.run("slow", live.produce, new AbortController());
    const feed = await own.subscribe("slow");
    const writes: string[] = [];
    let room = false;
    let ended = false;
    feed?.start({
      write: (text) => {
        writes.push(text);
        return room;
      },
      end: () => {
        ended = true;
      },
      fail: (error) => {
        throw error;
      },
    });
    live.delta("a");
    live.delta("b");
    live.delta("c");
    expect(writes).toEqual(['data: {"type":"text-delta","id":"t","delta":"a"}\n\n']);
    room = true;
    feed?.resume();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe(
      'data: {"type":"text-delta","id":"t","delta":"b"}\n\ndata: {"type":"text-delta","id":"t","delta":"c"}\n\n',
    );
    live.end();
    await done;
    expect(writes).toHaveLength(3);
    expect(writes[2]).toBe("data: [DONE]\n\n");
    expect(ended).toBe(true);
    await own.close();
  });
});
