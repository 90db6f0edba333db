import type { UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import type { GenerationHub } from "@/lib/generation/hub";

/** A chunk source the test feeds by hand, like an upstream that produces tokens over time. */
export function manualSource() {
  let controller!: ReadableStreamDefaultController<UIMessageChunk>;
  const stream = new ReadableStream<UIMessageChunk>({
    start: (c) => {
      controller = c;
    },
  });
  return {
    stream,
    delta: (text: string) => controller.enqueue({ type: "text-delta", id: "t", delta: text }),
    end: () => controller.close(),
  };
}

export async function readAll(stream: ReadableStream<UIMessageChunk>): Promise<string> {
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<UIMessageChunk>) {
    if (chunk.type === "text-delta") text += chunk.delta;
  }
  return text;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

/** The same behaviour on one process (memory) and across instances (Redis): `hubs` gives two views. */
export function defineHubSuite(name: string, hubs: () => { runner: GenerationHub; viewer: GenerationHub }) {
  describe(name, () => {
    it("replays what was generated so far and then follows live", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const done = runner.run("conv-live", source.stream, new AbortController());
      source.delta("Hello");
      source.delta(", ");
      await tick();
      const late = await viewer.subscribe("conv-live");
      expect(late).not.toBeNull();
      const text = readAll(late as ReadableStream<UIMessageChunk>);
      source.delta("world");
      source.end();
      await done;
      expect(await text).toBe("Hello, world");
    });

    it("lets several viewers follow the same generation", async () => {
      const { runner, viewer } = hubs();
      const source = manualSource();
      const done = runner.run("conv-many", source.stream, new AbortController());
      await tick();
      const first = readAll((await viewer.subscribe("conv-many")) as ReadableStream<UIMessageChunk>);
      const second = readAll((await runner.subscribe("conv-many")) as ReadableStream<UIMessageChunk>);
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
      const done = runner.run("conv-ended", source.stream, new AbortController());
      source.delta("complete answer");
      source.end();
      await done;
      expect(await viewer.isRunning("conv-ended")).toBe(false);
      expect(await readAll((await viewer.subscribe("conv-ended")) as ReadableStream<UIMessageChunk>)).toBe(
        "complete answer",
      );
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
      const done = runner.run("conv-stop", source.stream, abort);
      await tick();
      const watching = (await viewer.subscribe("conv-stop")) as ReadableStream<UIMessageChunk>;
      await watching.cancel();
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
