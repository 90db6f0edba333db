import { describe, expect, it } from "vitest";
import { pythonFloat, pythonJsonDumps } from "@/lib/vllm-sim/python-format";

describe("pythonFloat", () => {
  it.each([
    [-1, "-1.0"],
    [0.5, "0.5"],
    [1.5, "1.5"],
    [1e-5, "1e-05"],
    [0.0001, "0.0001"],
    [1e16, "1e+16"],
    [123456789012345.6, "123456789012345.6"],
  ])("spells %d as %s", (value, expected) => {
    expect(pythonFloat(value)).toBe(expected);
  });
});

describe("pythonJsonDumps", () => {
  it("uses json.dumps spacing and escapes non-ASCII", () => {
    expect(pythonJsonDumps({ error: { message: "bad “quote” é", param: null, code: 500 } })).toBe(
      '{"error": {"message": "bad \\u201cquote\\u201d \\u00e9", "param": null, "code": 500}}',
    );
  });
});
