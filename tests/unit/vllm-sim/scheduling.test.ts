import { describe, expect, it } from "vitest";
import { chat, metricValue, useSim, waitFor } from "./helpers";

const LABELS = '{model_name="deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",engine="0"}';

/** Opens a stream and resolves once its first bytes arrived. */
async function openStream(
  url: string,
  signal: AbortSignal,
): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ messages: [{ role: "user", content: "Hi" }], stream: true }),
    signal,
  });
  return (res.body as ReadableStream<Uint8Array>).getReader();
}

describe("client disconnect", () => {
  const sim = useSim({ itlMs: 20 });

  it("stops the generation and frees its slot at once", async () => {
    const controller = new AbortController();
    const reader = await openStream(sim().url, controller.signal);
    await reader.read();
    expect(sim().load().running).toBe(1);
    expect(await metricValue(sim(), `vllm:num_requests_running${LABELS}`)).toBe(1);
    expect(await metricValue(sim(), `vllm:kv_cache_usage_perc${LABELS}`)).toBeGreaterThan(0);

    controller.abort();
    await waitFor(() => sim().load().running === 0, 200);
    expect(await metricValue(sim(), `vllm:num_requests_running${LABELS}`)).toBe(0);
    expect(await metricValue(sim(), `vllm:kv_cache_usage_perc${LABELS}`)).toBe(0);
    const aborted = `vllm:request_success_total{model_name="deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",engine="0",finished_reason="abort"}`;
    expect(await metricValue(sim(), aborted)).toBe(1);
  });
});

describe("queueing with --max-num-seqs 1", () => {
  const sim = useSim({ maxNumSeqs: 1, itlMs: 20 });

  it("runs one request, queues the next, and admits it when the first leaves", async () => {
    const first = new AbortController();
    const second = new AbortController();
    await (await openStream(sim().url, first.signal)).read();
    const waiting = openStream(sim().url, second.signal);
    await waitFor(() => sim().load().waiting === 1);
    expect(sim().load()).toEqual({ running: 1, waiting: 1 });
    expect(await metricValue(sim(), `vllm:num_requests_waiting${LABELS}`)).toBe(1);
    expect(await (await fetch(`${sim().url}/load`)).text()).toBe('{"server_load":2}');

    first.abort();
    const reader = await waiting;
    expect((await reader.read()).done).toBe(false);
    expect(sim().load()).toEqual({ running: 1, waiting: 0 });
    second.abort();
    await waitFor(() => sim().load().running === 0);
  });

  it("drops a queued request whose client leaves before it runs", async () => {
    const first = new AbortController();
    const second = new AbortController();
    await (await openStream(sim().url, first.signal)).read();
    openStream(sim().url, second.signal).catch(() => {});
    await waitFor(() => sim().load().waiting === 1);
    second.abort();
    await waitFor(() => sim().load().waiting === 0);
    expect(sim().load().running).toBe(1);
    first.abort();
    await waitFor(() => sim().load().running === 0);
  });
});

describe("metrics after a completed request", () => {
  const sim = useSim({ reasoningTokens: 0 });

  it("counts prompt and generation tokens and the finish reason", async () => {
    const body = await (await chat(sim(), { max_tokens: 7 })).json();
    expect(body.choices[0].finish_reason).toBe("length");
    expect(await metricValue(sim(), `vllm:prompt_tokens_total${LABELS}`)).toBe(13);
    expect(await metricValue(sim(), `vllm:generation_tokens_total${LABELS}`)).toBe(7);
    expect(await metricValue(sim(), `vllm:time_to_first_token_seconds_count${LABELS}`)).toBe(1);
    expect(await metricValue(sim(), `vllm:inter_token_latency_seconds_count${LABELS}`)).toBe(6);
    const length = `vllm:request_success_total{model_name="deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B",engine="0",finished_reason="length"}`;
    expect(await metricValue(sim(), length)).toBe(1);
  });
});
