import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import type { AnswerFeed, ChunkSource, GenerationHub } from "@/lib/generation/hub";
import { feedStream, joinDeltas, readUiChunks, type UiChunk } from "@/tests/support/ui-stream";

/** A chunk source the test feeds by hand, like an upstream that produces tokens over time. */
export function manualSource() {
  const sent: UIMessageChunk[] = [];
  let sink: ((chunk: UIMessageChunk) => void) | undefined;
  let ended!: () => void;
  const done = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const send = (chunk: UIMessageChunk) => (sink ? sink(chunk) : sent.push(chunk));
  const produce: ChunkSource = (emit) => {
    sink = emit;
    for (const chunk of sent.splice(0)) emit(chunk);
    return done;
  };
  return {
    produce,
    delta: (text: string) => send({ type: "text-delta", id: "t", delta: text }),
    end: () => ended(),
  };
}

/** The chunks a viewer's feed carries, read to its end. */
export async function readFeedChunks(feed: AnswerFeed | null): Promise<UiChunk[]> {
  if (!feed) throw new Error("no generation to follow");
  return readUiChunks(new Response(feedStream(feed)));
}

/** The answer text a viewer's feed carries, read to its end. */
export async function readAll(feed: AnswerFeed | null): Promise<string> {
  return joinDeltas(await readFeedChunks(feed), "text-delta");
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

/** The same behaviour on one process (memory) and across instances (Redis): `hubs` gives two views. */
export function defineHubSuite(name: string, hubs: () => { runner: GenerationHub; viewer: GenerationHub }) {
  describe(name, () => {
    it("replays what was generated so far and then follows live", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const done = runner.run("conv-live", source.produce, new AbortController());
      source.delta("Hello");
      source.delta(", ");
      await tick();
      const late = await viewer.subscribe("conv-live");
      expect(late).not.toBeNull();
      const text = readAll(late);
      source.delta("world");
      source.end();
      await done;
      expect(await text).toBe("Hello, world");
    });

    it("lets several viewers follow the same generation", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const done = runner.run("conv-many", source.produce, new AbortController());
      await tick();
      const first = readAll(await viewer.subscribe("conv-many"));
      const second = readAll(await runner.subscribe("conv-many"));
      source.delta("a");
      source.delta("b");
      source.end();
      await done;
      expect(await first).toBe("ab");
      expect(await second).toBe("ab");
    });

    it("keeps a finished generation replayable for a while", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const done = runner.run("conv-ended", source.produce, new AbortController());
      source.delta("complete answer");
      source.end();
      await done;
      expect(await viewer.isRunning("conv-ended")).toBe(false);
      expect(await readAll(await viewer.subscribe("conv-ended"))).toBe("complete answer");
    });

    it("answers null for a conversation with no generation", async () => {
      const { viewer } = hubs();
      expect(await viewer.subscribe("conv-none")).toBeNull();
      expect(await viewer.isRunning("conv-none")).toBe(false);
      expect(await viewer.stop("conv-none")).toBe(false);
    });

    it("stop from any view aborts the generation; a viewer going away does not", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const abort = new AbortController();
      abort.signal.addEventListener("abort", () => source.end());
      const done = runner.run("conv-stop", source.produce, abort);
      await tick();
      const watching = await viewer.subscribe("conv-stop");
      watching?.cancel();
      await tick();
      expect(abort.signal.aborted).toBe(false);
      expect(await viewer.isRunning("conv-stop")).toBe(true);

      expect(await viewer.stop("conv-stop")).toBe(true);
      await done;
      expect(abort.signal.aborted).toBe(true);
      expect(await runner.isRunning("conv-stop")).toBe(false);
    });
  });
}
