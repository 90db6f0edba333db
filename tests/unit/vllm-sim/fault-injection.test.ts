import { describe, expect, it } from "vitest";
import { type SimServer, startSimServer } from "@/lib/vllm-sim";
import { chat, FAST, sseEvents, streamChat, useSim } from "./helpers";

const ERROR_EVENT =
  'data: {"error": {"message": "Internal server error", "type": "InternalServerError", "param": null, "code": 500}}';

/** Milliseconds between receiving each SSE event, measured on the client. */
async function eventArrivals(sim: SimServer, fault: string): Promise<number[]> {
  const res = await chat(sim, { stream: true }, { "x-sim-fault": fault });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const started = performance.now();
  const arrivals: number[] = [];
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) return arrivals;
    buffered += new TextDecoder().decode(value);
    const events = buffered.split("\n\n");
    buffered = events.pop() ?? "";
    for (const _ of events) arrivals.push(performance.now() - started);
  }
}

describe("fault injection", () => {
  const sim = useSim({ reasoningTokens: 0 });

  it("error-after:n sends n tokens, the spaced error event, then [DONE]", async () => {
    const events = await streamChat(sim(), {}, { "x-sim-fault": "error-after:3" });
    expect(events).toHaveLength(6);
    expect(events.slice(-2)).toEqual([ERROR_EVENT, "data: [DONE]"]);
  });

  it("error-after:0 fails before the role chunk", async () => {
    expect(await streamChat(sim(), {}, { "x-sim-fault": "error-after:0" })).toEqual([
      ERROR_EVENT,
      "data: [DONE]",
    ]);
  });

  it("error-after on a non-streaming request answers 500", async () => {
    const res = await chat(sim(), {}, { "x-sim-fault": "error-after:3" });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(
      '{"error":{"message":"Internal server error","type":"InternalServerError","param":null,"code":500}}',
    );
  });

  it("refuse:<status> answers with that status and a vLLM error body", async () => {
    const res = await chat(sim(), { stream: true }, { "x-sim-fault": "refuse:503" });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe(
      '{"error":{"message":"Service Unavailable","type":"Service Unavailable","param":null,"code":503}}',
    );
  });

  it("cut-after:n drops the connection after n tokens, without [DONE]", async () => {
    const res = await chat(sim(), { stream: true }, { "x-sim-fault": "cut-after:2", "x-request-id": "test" });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
    expect(sim().load()).toEqual({ running: 0, waiting: 0 });
  });

  it("stall:ms@n pauses after n tokens, then continues", async () => {
    const arrivals = await eventArrivals(sim(), "stall:150@2");
    // events: role+first token (together), token 2, <stall>, token 3 …
    const gap = (arrivals[3] ?? 0) - (arrivals[2] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(140);
    expect(arrivals.at(-1)).toBeLessThan(1000);
  });

  it("slow-first-token:ms delays the first token", async () => {
    const arrivals = await eventArrivals(sim(), "slow-first-token:120,cut-after:1");
    expect(arrivals[0]).toBeGreaterThanOrEqual(110);
  });

  it("applies --default-fault unless the header says otherwise", async () => {
    const faulty = await startSimServer({ ...FAST, defaultFault: "refuse:500" });
    try {
      expect((await chat(faulty, { max_tokens: 1 })).status).toBe(500);
      expect((await chat(faulty, { max_tokens: 1 }, { "x-sim-fault": "none" })).status).toBe(200);
    } finally {
      await faulty.close();
    }
  });

  it("keeps events whole across a stall", async () => {
    const res = await chat(sim(), { stream: true, max_tokens: 4 }, { "x-sim-fault": "stall:30@1" });
    const events = sseEvents(await res.text());
    expect(events).toHaveLength(6);
    expect(events.at(-1)).toBe("data: [DONE]");
  });
});
