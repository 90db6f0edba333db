import { describe, expect, it } from "vitest";
import { formatMs } from "@/lib/doctor/format-ms";

describe("formatMs", () => {
  it("picks a readable precision", () => {
    expect(formatMs(3.456)).toBe("3.5 ms");
    expect(formatMs(42.4)).toBe("42 ms");
    expect(formatMs(2141)).toBe("2.1 s");
  });
});
