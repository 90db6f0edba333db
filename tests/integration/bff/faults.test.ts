import { describe, expect, it } from "vitest";
import { streamAnswer } from "@/lib/chat/answer-stream";
import { parseConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { startSimServer } from "@/lib/vllm-sim";
import { closedPort } from "@/tests/support/ports";
import { joinDeltas, readChunks } from "@/tests/support/ui-stream";

const question = { turns: [{ role: "user" as const, content: "What is 12 + 30?" }] };

async function chatThroughFault(defaultFault: string) {
  const sim = await startSimServer({ ttftMs: 1, itlMs: 1, defaultFault });
  try {
    const stream = await streamAnswer(question, {
      messageId: "answer",
      signal: new AbortController().signal,
      config: parseConfig({ VLLM_BASE_URL: `${sim.url}/v1` }),
    });
    const chunks = await readChunks(stream);
    return {
      chunks,
      error: chunks.find((chunk) => chunk.type === "error")?.errorText,
      running: sim.load().running,
    };
  } finally {
    await sim.close();
  }
}

describe("faults the user sees as a clear message", () => {
  it("upstream refuses with 503 before streaming", async () => {
    const { error } = await chatThroughFault("refuse:503");
    expect(error).toBe("The model server is overloaded (HTTP 503). Please try again in a moment.");
  });

  it("upstream fails with 500 before streaming", async () => {
    const { error } = await chatThroughFault("refuse:500");
    expect(error).toBe("The model server failed before answering (HTTP 500). Please try again.");
  });

  it("upstream sends an error event mid-stream: what arrived is kept", async () => {
    const { chunks, error } = await chatThroughFault("error-after:5");
    expect(error).toMatch(
      /^The model server reported an error mid-answer \(Internal server error, code 500\)/,
    );
    expect(joinDeltas(chunks, "reasoning-delta").length).toBeGreaterThan(0);
  });

  it("upstream connection is cut mid-stream: what arrived is kept", async () => {
    const { chunks, error } = await chatThroughFault("cut-after:5");
    expect(error).toMatch(/^The connection to the model server was lost mid-answer/);
    expect(joinDeltas(chunks, "reasoning-delta").length).toBeGreaterThan(0);
  });

  it("a stall mid-stream delays but does not break the answer", async () => {
    const started = performance.now();
    const { chunks, error } = await chatThroughFault("stall:300@5");
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(joinDeltas(chunks, "text-delta")).toContain("\\boxed{");
  });

  it("upstream down: a typed error naming the cause, not the address", async () => {
    const config = parseConfig({ VLLM_BASE_URL: `http://127.0.0.1:${await closedPort()}/v1` });
    const failure = streamAnswer(question, {
      messageId: "answer",
      signal: new AbortController().signal,
      config,
    });
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({
      code: "upstream_unreachable",
      message: "Cannot reach the model server: connection refused (is vLLM running?).",
    });
  });
});
