import { describe, expect, it } from "vitest";
import { startSimServer } from "@/lib/vllm-sim";
import { waitFor } from "../../unit/vllm-sim/helpers";

const STREAMS = 300;

describe("many concurrent streams", () => {
  it(`streams ${STREAMS} requests at once on realistic timings and frees every slot`, async () => {
    const sim = await startSimServer({ maxNumSeqs: 256, ttftMs: 25, itlMs: 5, reasoningTokens: 40 });
    try {
      const started = performance.now();
      const requests = Array.from({ length: STREAMS }, async (_, index) => {
        const res = await fetch(`${sim.url}/v1/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            messages: [{ role: "user", content: `What is ${index} plus 3?` }],
            stream: true,
            max_tokens: 100,
          }),
        });
        return res.text();
      });
      await waitFor(() => sim.load().waiting === STREAMS - 256, 5000);
      expect(sim.load().running).toBe(256);

      const bodies = await Promise.all(requests);
      const elapsed = performance.now() - started;
      expect(bodies.every((body) => body.endsWith("data: [DONE]\n\n"))).toBe(true);
      expect(bodies.every((body) => body.includes('"finish_reason":"length"'))).toBe(true);
      expect(sim.load()).toEqual({ running: 0, waiting: 0 });
      // With 256 running a token takes 5 + 255 × 0.05 ≈ 18 ms: ~1.8 s per wave of 100 tokens, then the queued wave.
      expect(elapsed).toBeLessThan(10_000);
    } finally {
      await sim.close();
    }
  });
});
