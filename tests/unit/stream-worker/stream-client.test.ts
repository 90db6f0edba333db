import { describe, expect, it } from "vitest";
import type { FromWorker, ToWorker } from "@/lib/stream-worker/protocol";
import { type PagePort, serveStreams } from "@/lib/stream-worker/relay";
import { StreamClient, type WorkerPort } from "@/lib/stream-worker/stream-client";
import type { ArrivalListener } from "@/lib/timing/arrival-tap";
import type { ChunkKind } from "@/lib/timing/stream-timer";

const encoder = new TextEncoder();
const sse = (chunk: object) => `data: ${JSON.stringify(chunk)}\n\n`;
const URL_ = "http://chat.test/api/chat";

/** A page and a worker joined as postMessage joins them: asynchronously, with copies of the data. */
function channel() {
  const pageListeners: ((event: MessageEvent<FromWorker>) => void)[] = [];
  const errorListeners: ((event: Event) => void)[] = [];
  const worker: PagePort = { onmessage: null, postMessage: () => {} };
  const page: WorkerPort = {
    postMessage: (message: ToWorker) =>
      setTimeout(() => worker.onmessage?.(new MessageEvent("message", { data: structuredClone(message) }))),
    addEventListener: (type: "message" | "error", listener: (event: never) => void) => {
      if (type === "message") pageListeners.push(listener as (event: MessageEvent<FromWorker>) => void);
      else errorListeners.push(listener as (event: Event) => void);
    },
  };
  worker.postMessage = (message) =>
    setTimeout(() => {
      for (const listener of pageListeners)
        listener(new MessageEvent("message", { data: structuredClone(message) }));
    });
  return {
    page,
    worker,
    failWorker: () => {
      for (const listener of errorListeners) listener(new Event("error"));
    },
  };
}

function recorder() {
  const events: { start?: string; reads: { kinds: ChunkKind[]; at: number }[]; ended: boolean } = {
    reads: [],
    ended: false,
  };
  const listener: ArrivalListener = {
    start: (id) => {
      events.start = id;
    },
    read: (kinds, at) => events.reads.push({ kinds, at }),
    end: () => {
      events.ended = true;
    },
  };
  return { events, listener };
}

/** A server answer sent one piece per network read, `gapMs` apart. */
function streamingFetch(pieces: string[], gapMs = 1, init: ResponseInit = {}): typeof fetch {
  return async (_input, request) =>
    new Response(
      new ReadableStream<Uint8Array>({
        async start(controller) {
          for (const piece of pieces) {
            if (request?.signal?.aborted) return;
            controller.enqueue(encoder.encode(piece));
            await new Promise((resolve) => setTimeout(resolve, gapMs));
          }
          controller.close();
        },
      }),
      { headers: { "content-type": "text/event-stream" }, ...init },
    );
}

const onPageUnused = () => Promise.reject(new Error("the page should not have fetched"));

describe("StreamClient with the worker relay", () => {
  it("delivers the coalesced stream and every arrival, on the page's clock", async () => {
    const { page, worker } = channel();
    const pieces = [
      sse({ type: "start", messageId: "answer-1" }),
      sse({ type: "reasoning-delta", id: "r", delta: "Hm" }),
      sse({ type: "reasoning-delta", id: "r", delta: "m" }),
      sse({ type: "reasoning-delta", id: "r", delta: "." }),
      sse({ type: "text-delta", id: "t", delta: "4" }) +
        sse({ type: "text-delta", id: "t", delta: "2" }) +
        sse({ type: "text-delta", id: "t", delta: "!" }),
      sse({ type: "finish" }),
    ];
    serveStreams(worker, streamingFetch(pieces));
    const { events, listener } = recorder();
    const before = performance.now();
    const response = await new StreamClient(page).fetch(
      URL_,
      { method: "POST", body: "{}" },
      listener,
      onPageUnused,
    );
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    // Coalesced as on the page: each part's first delta at once, the rest in one, the other events untouched.
    expect(text).toBe(
      [
        sse({ type: "start", messageId: "answer-1" }),
        sse({ type: "reasoning-delta", id: "r", delta: "Hm" }),
        sse({ type: "reasoning-delta", id: "r", delta: "m." }),
        sse({ type: "text-delta", id: "t", delta: "4" }),
        sse({ type: "text-delta", id: "t", delta: "2!" }),
        sse({ type: "finish" }),
      ].join(""),
    );
    expect(events.start).toBe("answer-1");
    expect(events.reads.map((read) => read.kinds)).toEqual([
      ["reasoning"],
      ["reasoning"],
      ["reasoning"],
      ["answer", "answer", "answer"],
    ]);
    for (const read of events.reads) {
      expect(read.at).toBeGreaterThanOrEqual(before);
      expect(read.at).toBeLessThanOrEqual(performance.now());
    }
    expect(events.ended).toBe(true);
  });

  it("passes an error response through as it came, untapped", async () => {
    const { page, worker } = channel();
    serveStreams(worker, streamingFetch(['{"error":"busy"}'], 1, { status: 503, statusText: "Busy" }));
    const { events, listener } = recorder();
    const response = await new StreamClient(page).fetch(
      URL_,
      { method: "POST", body: "{}" },
      listener,
      onPageUnused,
    );
    expect([response.status, response.statusText, await response.text()]).toEqual([
      503,
      "Busy",
      '{"error":"busy"}',
    ]);
    expect(events.reads).toEqual([]);
  });

  it("stops the worker's request when the chat aborts mid-stream", async () => {
    const { page, worker } = channel();
    const requests: ToWorker[] = [];
    const deltas = Array.from({ length: 200 }, (_, index) =>
      sse({ type: "text-delta", id: "t", delta: `${index} ` }),
    );
    serveStreams(worker, streamingFetch([sse({ type: "start", messageId: "a" }), ...deltas], 5));
    const handle = worker.onmessage;
    worker.onmessage = (event) => {
      requests.push(event.data);
      handle?.(event);
    };
    const abort = new AbortController();
    const response = await new StreamClient(page).fetch(
      URL_,
      { method: "POST", body: "{}", signal: abort.signal },
      recorder().listener,
      onPageUnused,
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    abort.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requests.map((request) => request.type)).toEqual(["fetch", "abort"]);
  });

  it("runs a request on the page when the worker fails before answering", async () => {
    const { page, failWorker } = channel();
    const client = new StreamClient(page);
    const pending = client.fetch(
      URL_,
      { method: "POST", body: "{}" },
      recorder().listener,
      async () => new Response("from the page"),
    );
    failWorker();
    expect(await (await pending).text()).toBe("from the page");
    // And so does every request after.
    const next = await client.fetch(
      URL_,
      { method: "GET" },
      recorder().listener,
      async () => new Response("again"),
    );
    expect(await next.text()).toBe("again");
  });
});
