import { readUIMessageStream, type UIMessage, type UIMessageChunk } from "ai";
import { describe, expect, it } from "vitest";
import { FLUSH_INTERVAL_MS, FLUSH_SLICE_SIZE } from "@/lib/chat/answer-flusher";
import { AnswerRecorder } from "@/lib/chat/answer-recorder";
import type { ChatStore, MessagePatch, MessageUpdate } from "@/lib/db";

/** Every patch written, in order; `batches` counts the transactions the streaming saves took. */
function recordingStore() {
  const patches: MessagePatch[] = [];
  const batches: MessageUpdate[][] = [];
  const store = {
    updateMessage: async (_owner: string, _conversation: string, _message: string, patch: MessagePatch) => {
      patches.push(structuredClone(patch));
      return true;
    },
    updateMessages: async (updates: MessageUpdate[]) => {
      batches.push(structuredClone(updates));
      for (const { patch } of updates) patches.push(structuredClone(patch));
    },
  } as unknown as ChatStore;
  return { store, patches, batches };
}

const target = (store: ChatStore) => ({ store, ownerId: "o", conversationId: "c", messageId: "m" });

const answer: UIMessageChunk[] = [
  {
    type: "start",
    messageId: "m",
    messageMetadata: { model: "r1", sampling: { temperature: 0.6, topP: 0.95 } },
  },
  { type: "start-step" },
  { type: "reasoning-start", id: "r" },
  { type: "reasoning-delta", id: "r", delta: "Let me " },
  { type: "reasoning-delta", id: "r", delta: "think." },
  { type: "reasoning-end", id: "r" },
  { type: "message-metadata", messageMetadata: { bffTiming: { chunks: 2 } } },
  { type: "text-start", id: "t" },
  { type: "text-delta", id: "t", delta: "The answer " },
  { type: "text-delta", id: "t", delta: "is 42." },
  { type: "text-end", id: "t" },
  { type: "finish-step" },
  {
    type: "finish",
    finishReason: "stop",
    messageMetadata: { finishReason: "stop", bffTiming: { chunks: 4 } },
  },
];

async function sdkMessage(chunks: UIMessageChunk[]): Promise<UIMessage | undefined> {
  const stream = new ReadableStream<UIMessageChunk>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream })) last = message;
  return last;
}

describe("AnswerRecorder", () => {
  it("stores the parts and metadata the AI SDK builds from the same chunks", async () => {
    const { store, patches } = recordingStore();
    const recorder = new AnswerRecorder(target(store));
    for (const chunk of answer) recorder.observe(chunk);
    await recorder.finish();
    const expected = await sdkMessage(answer);
    expect(patches).toHaveLength(1);
    expect(patches[0]).toEqual({
      parts: JSON.parse(JSON.stringify(expected?.parts)),
      metadata: expected?.metadata,
      state: "complete",
      error: null,
    });
  });

  it("writes at most once a second while streaming, whatever the number of tokens", async () => {
    const { store, patches } = recordingStore();
    const recorder = new AnswerRecorder(target(store));
    for (const chunk of answer.slice(0, 3)) recorder.observe(chunk);
    const started = performance.now();
    while (performance.now() - started < FLUSH_INTERVAL_MS * 1.5) {
      recorder.observe({ type: "reasoning-delta", id: "r", delta: "x" });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await recorder.finish();
    const streaming = patches.filter((patch) => patch.state === "streaming");
    expect(streaming).toHaveLength(1);
    expect(patches.at(-1)?.state).toBe("complete");
  });

  it("saves every streaming answer of a store in one transaction per interval", async () => {
    const { store, patches, batches } = recordingStore();
    const recorders = ["a", "b", "c"].map(
      (messageId) => new AnswerRecorder({ store, ownerId: "o", conversationId: messageId, messageId }),
    );
    for (const recorder of recorders) for (const chunk of answer.slice(0, 4)) recorder.observe(chunk);
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 1.2));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((update) => update.messageId)).toEqual(["a", "b", "c"]);
    expect(batches[0]?.[0]?.patch).toMatchObject({
      state: "streaming",
      parts: [{ type: "step-start" }, { type: "reasoning", text: "Let me ", state: "streaming" }],
    });
    for (const recorder of recorders) await recorder.finish();
    expect(patches.slice(-3).map((patch) => patch.state)).toEqual(["complete", "complete", "complete"]);
  });

  it("writes many streaming answers in slices, with the event loop free between them", async () => {
    const { store, batches } = recordingStore();
    const written: MessageUpdate[][] = [];
    const loopTurnedBefore: boolean[] = [];
    let loopTurned = false;
    const slicing = {
      ...store,
      updateMessages: async (updates: MessageUpdate[]) => {
        loopTurnedBefore.push(loopTurned);
        loopTurned = false;
        // Runs only once the event loop gets past this turn's microtasks, as I/O callbacks would.
        setImmediate(() => {
          loopTurned = true;
        });
        written.push(updates);
      },
    } as ChatStore;
    const count = FLUSH_SLICE_SIZE * 2 + 3;
    const recorders = Array.from(
      { length: count },
      (_, index) =>
        new AnswerRecorder({ store: slicing, ownerId: "o", conversationId: "c", messageId: `m${index}` }),
    );
    for (const recorder of recorders) for (const chunk of answer.slice(0, 4)) recorder.observe(chunk);
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 1.2));
    expect(batches).toHaveLength(0);
    expect(written.map((slice) => slice.length)).toEqual([FLUSH_SLICE_SIZE, FLUSH_SLICE_SIZE, 3]);
    expect(written.flat().map((update) => update.messageId)).toEqual(
      recorders.map((_, index) => `m${index}`),
    );
    expect(loopTurnedBefore.slice(1)).toEqual([true, true]);
    for (const recorder of recorders) await recorder.finish();
  });

  it("keeps a finished answer out of a later batch, so its final state stays", async () => {
    const { store, patches, batches } = recordingStore();
    const recorder = new AnswerRecorder(target(store));
    for (const chunk of answer) recorder.observe(chunk);
    await recorder.finish();
    await new Promise((resolve) => setTimeout(resolve, FLUSH_INTERVAL_MS * 1.2));
    expect(batches).toHaveLength(0);
    expect(patches.map((patch) => patch.state)).toEqual(["complete"]);
  });

  it("records how an answer ended: an error chunk, a stop, or a broken stream", async () => {
    const endings: [UIMessageChunk | undefined, unknown, { state: string; error: string | null }][] = [
      [
        { type: "error", errorText: "upstream failed" },
        undefined,
        { state: "error", error: "upstream failed" },
      ],
      [{ type: "abort" }, undefined, { state: "stopped", error: null }],
      [undefined, new Error("socket hang up"), { state: "error", error: "socket hang up" }],
    ];
    for (const [chunk, failure, ending] of endings) {
      const { store, patches } = recordingStore();
      const recorder = new AnswerRecorder(target(store));
      for (const part of answer.slice(0, 4)) recorder.observe(part);
      if (chunk) recorder.observe(chunk);
      await recorder.finish(failure);
      expect(patches.at(-1)).toMatchObject(ending);
      expect(patches.at(-1)?.parts).toEqual([
        { type: "step-start" },
        { type: "reasoning", id: "r", text: "Let me ", state: "streaming" },
      ]);
    }
  });
});
