import { describe, expect, it } from "vitest";
import { histogramQuantile, parsePrometheusText, sumOf } from "@/lib/observability/prometheus-text";

const exposition = `# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{engine="0",model_name="deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B"} 3.0
vllm:num_requests_waiting{engine="0",model_name="m"} 1
vllm:time_to_first_token_seconds_bucket{engine="0",le="+Inf",model_name="m"} 12.0
http_requests_total{handler="/v1/chat/completions",note="a \\"quoted\\" value"} 7 1764000000000
`;

describe("parsePrometheusText", () => {
  it("reads names, labels and values, skipping comments", () => {
    const samples = parsePrometheusText(exposition);
    expect(samples).toHaveLength(4);
    expect(samples[0]).toEqual({
      name: "vllm:num_requests_running",
      labels: { engine: "0", model_name: "deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B" },
      value: 3,
    });
    expect(samples[2]?.labels.le).toBe("+Inf");
    expect(samples[3]).toMatchObject({ value: 7, labels: { note: 'a "quoted" value' } });
    expect(sumOf(samples, "vllm:num_requests_waiting")).toBe(1);
    expect(sumOf(samples, "vllm:missing")).toBeUndefined();
  });

  it("refuses text that is not an exposition", () => {
    expect(() => parsePrometheusText("<html>Not Found</html>")).toThrow(/line 1 is not a Prometheus sample/);
  });

  it("passes over what it cannot read when asked to", () => {
    expect(parsePrometheusText("<html>Not Found</html>\nup 1\ndown x", { skipMalformed: true })).toEqual([
      { name: "up", labels: {}, value: 1 },
    ]);
  });
});

describe("histogramQuantile", () => {
  const histogram = parsePrometheusText(`
ttft_bucket{le="0.01"} 0
ttft_bucket{le="0.05"} 50
ttft_bucket{le="0.1"} 90
ttft_bucket{le="+Inf"} 100
`);
  it("interpolates inside the bucket that holds the rank", () => {
    expect(histogramQuantile(histogram, "ttft", 0.5)).toBeCloseTo(0.05);
    expect(histogramQuantile(histogram, "ttft", 0.25)).toBeCloseTo(0.03);
    expect(histogramQuantile(histogram, "ttft", 0.9)).toBeCloseTo(0.1);
    expect(histogramQuantile(histogram, "ttft", 0.95)).toBeCloseTo(0.1);
  });
  it("has no answer for an empty histogram", () => {
    expect(histogramQuantile(parsePrometheusText('ttft_bucket{le="+Inf"} 0'), "ttft", 0.5)).toBeUndefined();
  });
});
