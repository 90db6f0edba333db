import { describe, expect, it } from "vitest";
import { startSimServer } from "@/lib/vllm-sim";

const STREAMS = 300;
const MAX_NUM_SEQS = 256;

describe("many concurrent streams", () => {
  it(`streams ${STREAMS} requests at once on realistic timings and frees every slot`, async () => {
    const sim = await startSimServer({
      maxNumSeqs: MAX_NUM_SEQS,
      ttftMs: 3000,
      itlMs: 5,
      reasoningTokens: 40,
    });
    // The simulator runs in this process, so each sample is a consistent view of its scheduler. Peaks are
    // sampled rather than one snapshot awaited: on a busy machine the 300 requests take a while to arrive,
    // and the long first token (a long prompt's prefill) keeps the first wave running until they have.
    const samples: { running: number; waiting: number }[] = [];
    const sampler = setInterval(() => samples.push(sim.load()), 2);
    try {
      const started = performance.now();
      const bodies = await Promise.all(
        Array.from({ length: STREAMS }, async (_, index) => {
          const res = await fetch(`${sim.url}/v1/chat/completions`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({
              messages: [{ role: "user", content: `What is ${index} plus 3?` }],
              stream: true,
              max_tokens: 60,
            }),
          });
          return res.text();
        }),
      );
      const elapsed = performance.now() - started;
      clearInterval(sampler);

      expect(bodies.every((body) => body.endsWith("data: [DONE]\n\n"))).toBe(true);
      expect(bodies.every((body) => body.includes('"finish_reason":"length"'))).toBe(true);
      expect(sim.load()).toEqual({ running: 0, waiting: 0 });
      // The batch fills to max-num-seqs and never beyond; a request waits only while the batch is full.
      expect(Math.max(...samples.map((sample) => sample.running))).toBe(MAX_NUM_SEQS);
      expect(Math.max(...samples.map((sample) => sample.waiting))).toBeGreaterThan(0);
      expect(samples.filter((sample) => sample.waiting > 0 && sample.running < MAX_NUM_SEQS)).toEqual([]);
      // A wave is the 3 s prefill plus 60 tokens at 5 + 255 × 0.05 ≈ 18 ms each: ~4 s, then the queued wave.
      expect(elapsed).toBeLessThan(25_000);
    } finally {
      clearInterval(sampler);
      await sim.close();
    }
  });
});
