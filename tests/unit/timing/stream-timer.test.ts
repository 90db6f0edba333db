import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { percentile } from "@/lib/stats";
import { StreamTimer } from "@/lib/timing/stream-timer";

describe("StreamTimer", () => {
  it("splits an answer into waiting, thinking and answering phases", () => {
    const timer = new StreamTimer("bff", 1_000);
    timer.chunk("reasoning", 1_040);
    for (let at = 1_050; at <= 1_240; at += 10) timer.chunk("reasoning", at);
    timer.chunk("answer", 1_250);
    timer.chunk("answer", 1_260);
    timer.end(1_270);
    const snapshot = timer.snapshot(9_999);
    expect(snapshot.clock).toBe("bff");
    expect(snapshot.ttftMs).toBe(40);
    expect(snapshot.phases).toEqual({ waitingMs: 40, thinkingMs: 210, answeringMs: 20 });
    expect(snapshot.chunks).toEqual({ reasoning: 21, answer: 2 });
    expect(snapshot.gaps).toEqual({ count: 22, p50Ms: 10, p95Ms: 10, maxMs: 10 });
    expect(snapshot.stalls.count).toBe(0);
    expect(snapshot.ended).toBe(true);
  });

  it("counts stalls over the threshold and keeps the longest", () => {
    const timer = new StreamTimer("browser", 0, 250);
    for (const at of [20, 30, 400, 410, 1_100, 1_110]) timer.chunk("answer", at);
    const snapshot = timer.snapshot(1_200);
    expect(snapshot.stalls).toEqual({ count: 2, longestMs: 690, thresholdMs: 250 });
    expect(snapshot.gaps.maxMs).toBe(690);
    expect(snapshot.phases.thinkingMs).toBeUndefined();
    expect(snapshot.phases.answeringMs).toBe(1_180);
    expect(snapshot.ended).toBe(false);
  });

  it("reports a stream that has not produced anything yet as waiting", () => {
    const timer = new StreamTimer("bff", 100);
    const snapshot = timer.snapshot(350);
    expect(snapshot.ttftMs).toBeUndefined();
    expect(snapshot.phases.waitingMs).toBe(250);
    expect(snapshot.gaps.count).toBe(0);
  });

  it("keeps only the most recent gaps for the sparkline", () => {
    const timer = new StreamTimer("browser", 0);
    for (let i = 0; i <= 500; i++) timer.chunk("answer", i * 5);
    expect(timer.snapshot(3_000).recentGapsMs).toHaveLength(120);
  });

  it("gives the same gap figures when snapshots are taken between chunks as one computed over all gaps", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 500 }), snapshot: fc.boolean() }), {
          minLength: 1,
          maxLength: 300,
        }),
        (steps) => {
          const timer = new StreamTimer("bff", 0);
          let at = 5;
          timer.chunk("answer", at);
          for (const { gap, snapshot } of steps) {
            at += gap;
            timer.chunk("answer", at);
            if (snapshot) timer.snapshot(at);
          }
          const gaps = steps.map((step) => step.gap);
          expect(timer.snapshot(at).gaps).toEqual({
            count: gaps.length,
            p50Ms: percentile(gaps, 50, "nearest-rank"),
            p95Ms: percentile(gaps, 95, "nearest-rank"),
            maxMs: Math.max(...gaps),
          });
          expect(timer.snapshot(at).recentGapsMs).toEqual(gaps.slice(-120));
        },
      ),
    );
  });
});
