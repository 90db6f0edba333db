import { describe, expect, it } from "vitest";
import type { ChatChunk, StreamEvent } from "@/lib/doctor/sse-recorder";
import { streamLatency, tokenTimeline } from "@/lib/doctor/token-timeline";

const event = (at: number, chunk: ChatChunk): StreamEvent => ({ at, chunk });
const usage = (completion: number) => ({ prompt_tokens: 12, completion_tokens: completion });

describe("tokenTimeline", () => {
  it("counts tokens per chunk from continuous usage stats, including the silent </think>", () => {
    const events = [
      event(40, { choices: [{ delta: { role: "assistant", content: "" } }], usage: usage(0) }),
      event(40, { choices: [{ delta: { reasoning: "Okay" } }], usage: usage(1) }),
      event(45, { choices: [{ delta: { reasoning: "" } }], usage: usage(2) }),
      // </think> makes no chunk, so the next one accounts for two tokens.
      event(55, { choices: [{ delta: { content: "\n\n" } }], usage: usage(4) }),
      event(60, { choices: [{ delta: { content: "" }, finish_reason: "stop" }], usage: usage(5) }),
      event(60, { choices: [], usage: usage(5) }),
    ];
    const timeline = tokenTimeline(events);
    expect(timeline).toMatchObject({ completionTokens: 5, promptTokens: 12, exact: true, firstEventAt: 40 });
    expect(timeline.finishReason).toBe("stop");
    expect(timeline.chunks.map((chunk) => chunk.tokens)).toEqual([1, 1, 2, 1]);

    expect(streamLatency(timeline)).toEqual({
      promptTokens: 12,
      completionTokens: 5,
      ttftMs: 40,
      itlMs: { p50: 5, p95: 9.5 },
      tpotMs: 5,
    });
  });

  it("spreads the final usage over the chunks when there is no per-chunk usage", () => {
    const events = [
      event(10, { choices: [{ delta: { role: "assistant", content: "" } }] }),
      event(10, { choices: [{ delta: { content: "abc" } }] }),
      event(20, { choices: [{ delta: { content: "def" }, finish_reason: "length" }] }),
      event(20, { choices: [], usage: usage(8) }),
    ];
    const timeline = tokenTimeline(events);
    expect(timeline).toMatchObject({ exact: false, completionTokens: 8 });
    expect(timeline.chunks.map((chunk) => chunk.tokens)).toEqual([4, 4]);
  });

  it("has no latency for a stream without tokens", () => {
    expect(streamLatency(tokenTimeline([]))).toBeUndefined();
  });
});
