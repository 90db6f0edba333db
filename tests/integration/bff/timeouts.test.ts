import { describe, expect, it } from "vitest";
import { streamAnswer } from "@/lib/chat/answer-stream";
import { parseConfig } from "@/lib/config";
import { startSimServer } from "@/lib/vllm-sim";
import { joinDeltas, readChunks, waitFor } from "@/tests/support/ui-stream";

const question = { turns: [{ role: "user" as const, content: "What is 12 + 30?" }] };

async function chatWithTimeouts(defaultFault: string, timeouts: { firstTokenMs: number; idleMs: number }) {
  const sim = await startSimServer({ ttftMs: 1, itlMs: 1, defaultFault });
  try {
    const started = performance.now();
    const stream = await streamAnswer(question, {
      messageId: "answer",
      signal: new AbortController().signal,
      config: parseConfig({
        VLLM_BASE_URL: `${sim.url}/v1`,
        UPSTREAM_FIRST_TOKEN_TIMEOUT_MS: String(timeouts.firstTokenMs),
        UPSTREAM_IDLE_TIMEOUT_MS: String(timeouts.idleMs),
      }),
    });
    const chunks = await readChunks(stream);
    const elapsedMs = performance.now() - started;
    // The aborted upstream request must leave the server's running gauge.
    await waitFor(() => sim.load().running === 0 && sim.load().waiting === 0);
    return { chunks, elapsedMs, error: chunks.find((chunk) => chunk.type === "error")?.errorText };
  } finally {
    await sim.close();
  }
}

describe("upstream timeouts", () => {
  it("a first token slower than the limit ends with its own message and frees the server's slot", async () => {
    const { chunks, error, elapsedMs } = await chatWithTimeouts("slow-first-token:5000", {
      firstTokenMs: 300,
      idleMs: 10_000,
    });
    expect(error).toBe(
      "The model server did not start answering within 0.3 s; it may be busy with other requests. You can retry.",
    );
    expect(elapsedMs).toBeLessThan(3_000);
    expect(joinDeltas(chunks, "reasoning-delta")).toBe("");
  });

  it("a stall mid-answer past the idle limit ends with its own message and keeps what arrived", async () => {
    const { chunks, error, elapsedMs } = await chatWithTimeouts("stall:5000@10", {
      firstTokenMs: 10_000,
      idleMs: 300,
    });
    expect(error).toBe(
      "The model server sent nothing for 0.3 s mid-answer. What arrived so far is kept; you can retry.",
    );
    expect(elapsedMs).toBeLessThan(3_000);
    expect(joinDeltas(chunks, "reasoning-delta").length).toBeGreaterThan(0);
  });

  it("gaps shorter than the idle limit and a first token inside its limit do not end the answer", async () => {
    const { chunks, error } = await chatWithTimeouts("slow-first-token:200,stall:200@10,stall:200@20", {
      firstTokenMs: 1_000,
      idleMs: 500,
    });
    expect(error).toBeUndefined();
    expect(joinDeltas(chunks, "text-delta")).toContain("\\boxed{");
  });
});
