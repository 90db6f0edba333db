import { describe, expect, it } from "vitest";
import { faultSpecSchema } from "@/lib/vllm-sim/faults";

describe("faultSpecSchema", () => {
  it("parses a combined spec", () => {
    expect(faultSpecSchema.parse("stall:200@5, error-after:20,slow-first-token:50,stall:10@1")).toEqual({
      errorAfterTokens: 20,
      extraFirstTokenMs: 50,
      stalls: [
        { ms: 10, afterTokens: 1 },
        { ms: 200, afterTokens: 5 },
      ],
    });
    expect(faultSpecSchema.parse("refuse:503")).toEqual({
      refuseStatus: 503,
      stalls: [],
      extraFirstTokenMs: 0,
    });
    expect(faultSpecSchema.parse("cut-after:0").cutAfterTokens).toBe(0);
    expect(faultSpecSchema.parse("none")).toEqual({ stalls: [], extraFirstTokenMs: 0 });
  });

  it.each(["", "refuse:200", "refuse:abc", "stall:100", "error-after:-1", "explode"])(
    "rejects %j",
    (spec) => {
      const result = faultSpecSchema.safeParse(spec);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(
        /^Invalid fault ".*": expected a comma-separated list/,
      );
    },
  );
});
