import type { UIMessageChunk } from "ai";
import { afterAll, describe, expect, it } from "vitest";
import type { ChunkSource } from "@/lib/generation/hub";
import { MemoryGenerationHub } from "@/lib/generation/memory-hub";
import { readUiChunks } from "@/tests/support/ui-stream";
import { defineHubSuite } from "./hub.suite";

const hub = new MemoryGenerationHub();
afterAll(() => hub.close());

defineHubSuite("memory generation hub (one instance)", () => ({ runner: hub, viewer: hub }));

describe("memory generation hub, after an answer ends", () => {
  const chunksOf = async (stream: ReadableStream<Uint8Array> | null) => {
    if (!stream) throw new Error("no generation to follow");
    return readUiChunks(new Response(stream));
  };
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
    expect(await chunksOf(await own.subscribe("joined"))).toEqual([
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
    const live = chunksOf(await own.subscribe("live"));
    await done;
    expect(await live).toEqual(answer);
    await own.close();
  });
});
