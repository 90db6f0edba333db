import { describe, expect, it } from "vitest";
import { useSim } from "./helpers";

describe("other endpoints", () => {
  const sim = useSim({ servedModelName: "r1", maxModelLen: 32768 });

  it("GET /v1/models lists the served name with root and max_model_len", async () => {
    const res = await fetch(`${sim().url}/v1/models`);
    expect(res.headers.get("content-type")).toBe("application/json");
    const text = (await res.text())
      .replaceAll(/"created":\d+/g, '"created":1764000000')
      .replace(/modelperm-[0-9a-f]{16}/, "modelperm-<16hex>");
    expect(text).toBe(
      '{"object":"list","data":[{"id":"r1","object":"model","created":1764000000,"owned_by":"vllm","root":"deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B","parent":null,"max_model_len":32768,"permission":[{"id":"modelperm-<16hex>","object":"model_permission","created":1764000000,"allow_create_engine":false,"allow_sampling":true,"allow_logprobs":true,"allow_search_indices":false,"allow_view":true,"allow_fine_tuning":false,"organization":"*","group":null,"is_blocking":false}]}]}',
    );
  });

  it("GET /health and /ping answer 200 with an empty body", async () => {
    for (const res of [
      await fetch(`${sim().url}/health`),
      await fetch(`${sim().url}/ping`),
      await fetch(`${sim().url}/ping`, { method: "POST" }),
    ]) {
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
    }
  });

  it("GET /version and /load", async () => {
    expect(await (await fetch(`${sim().url}/version`)).text()).toBe('{"version":"0.16.0"}');
    expect(await (await fetch(`${sim().url}/load`)).text()).toBe('{"server_load":0}');
  });

  it("GET /metrics exposes vLLM's metric names with model_name and engine labels", async () => {
    const res = await fetch(`${sim().url}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const series of [
      'vllm:num_requests_running{model_name="r1",engine="0"} 0',
      'vllm:num_requests_waiting{model_name="r1",engine="0"} 0',
      'vllm:kv_cache_usage_perc{model_name="r1",engine="0"} 0',
      'vllm:request_success_total{model_name="r1",engine="0",finished_reason="stop"} 0',
      'vllm:prompt_tokens_total{model_name="r1",engine="0"} 0',
      'vllm:generation_tokens_total{model_name="r1",engine="0"} 0',
      'vllm:time_to_first_token_seconds_bucket{le="0.001",model_name="r1",engine="0"} 0',
      'vllm:inter_token_latency_seconds_bucket{le="80",model_name="r1",engine="0"} 0',
      'vllm:e2e_request_latency_seconds_bucket{le="7680",model_name="r1",engine="0"} 0',
      'vllm:request_queue_time_seconds_count{model_name="r1",engine="0"} 0',
    ]) {
      expect(text).toContain(series);
    }
  });

  it("answers unknown paths with 404 and wrong methods with 405, FastAPI style", async () => {
    const missing = await fetch(`${sim().url}/v1/completions/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('{"detail":"Not Found"}');
    const wrongMethod = await fetch(`${sim().url}/v1/chat/completions`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.text()).toBe('{"detail":"Method Not Allowed"}');
  });
});
