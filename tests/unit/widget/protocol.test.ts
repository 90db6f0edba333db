import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostMessageSchema, widgetMessage, widgetMessageSchema } from "@/lib/widget/protocol";

/** The loader's hand-written check, taken from the script the app serves. */
function loaderCheck(): (message: unknown) => boolean {
  const window: { R1Chat?: { accepts: (message: unknown) => boolean } } = {};
  const source = readFileSync(new URL("../../../public/widget.js", import.meta.url), "utf8");
  // Without its <script> tag the loader only defines R1Chat and says why it stops.
  runInNewContext(source, { window, document: { currentScript: null }, console: { error() {} } });
  if (!window.R1Chat) throw new Error("the loader defined no R1Chat");
  return window.R1Chat.accepts;
}

const valid = [
  { ns: "r1chat", v: 1, type: "ready" },
  { ns: "r1chat", v: 1, type: "close" },
  { ns: "r1chat", v: 1, type: "resize", size: "compact" },
  { ns: "r1chat", v: 1, type: "resize", size: "expanded" },
  { ns: "r1chat", v: 1, type: "unread", count: 0 },
  { ns: "r1chat", v: 1, type: "unread", count: 99 },
];

const invalid = [
  null,
  "ready",
  42,
  [],
  {},
  { ns: "r1chat", v: 2, type: "ready" },
  { ns: "other", v: 1, type: "ready" },
  { v: 1, type: "ready" },
  { ns: "r1chat", v: "1", type: "ready" },
  { ns: "r1chat", v: 1, type: "open" },
  { ns: "r1chat", v: 1, type: "ready", extra: true },
  { ns: "r1chat", v: 1, type: "resize", size: "huge" },
  { ns: "r1chat", v: 1, type: "resize", size: "compact", height: 10_000 },
  { ns: "r1chat", v: 1, type: "resize" },
  { ns: "r1chat", v: 1, type: "unread", count: -1 },
  { ns: "r1chat", v: 1, type: "unread", count: 100 },
  { ns: "r1chat", v: 1, type: "unread", count: 1.5 },
  { ns: "r1chat", v: 1, type: "unread", count: "3" },
];

describe("frame → host messages", () => {
  const accepts = loaderCheck();

  it.each(valid)("accepts %j in both the zod schema and the loader", (message) => {
    expect(widgetMessageSchema.safeParse(message).success).toBe(true);
    expect(accepts(message)).toBe(true);
  });

  it.each(invalid)("rejects %j in both the zod schema and the loader", (message) => {
    expect(widgetMessageSchema.safeParse(message).success).toBe(false);
    expect(accepts(message)).toBe(false);
  });

  it("agrees with the loader on arbitrary input, never throwing", () => {
    const nearlyValid = fc.record(
      {
        ns: fc.constantFrom("r1chat", "R1chat", ""),
        v: fc.constantFrom(1, 2, "1"),
        type: fc.constantFrom("ready", "close", "resize", "unread", "open", "theme"),
        size: fc.constantFrom("compact", "expanded", "full", 3),
        count: fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double(), fc.string()),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.anything()), (message) => {
        expect(accepts(message)).toBe(widgetMessageSchema.safeParse(message).success);
      }),
      { numRuns: 2_000 },
    );
  });

  it("builds messages that pass its own schema", () => {
    expect(widgetMessageSchema.parse(widgetMessage({ type: "unread", count: 3 }))).toEqual({
      ns: "r1chat",
      v: 1,
      type: "unread",
      count: 3,
    });
  });
});

describe("host → frame messages", () => {
  it("accepts open, close and a known theme only", () => {
    for (const type of ["open", "close"])
      expect(hostMessageSchema.safeParse({ ns: "r1chat", v: 1, type }).success).toBe(true);
    expect(hostMessageSchema.safeParse({ ns: "r1chat", v: 1, type: "theme", theme: "dark" }).success).toBe(
      true,
    );
    expect(hostMessageSchema.safeParse({ ns: "r1chat", v: 1, type: "theme", theme: "pink" }).success).toBe(
      false,
    );
    expect(hostMessageSchema.safeParse({ ns: "r1chat", v: 1, type: "ready" }).success).toBe(false);
    expect(hostMessageSchema.safeParse({ ns: "r1chat", v: 1, type: "open", persona: "x" }).success).toBe(
      false,
    );
  });
});
