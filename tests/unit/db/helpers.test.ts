import { describe, expect, it } from "vitest";
import { nextTimestamp } from "@/lib/db/clock";
import { describeCause } from "@/lib/db/errors";
import { listLimit } from "@/lib/db/limits";
import { patchAssignments } from "@/lib/db/message-patch";
import { toJsonb } from "@/lib/db/postgres/jsonb";
import { describeServer } from "@/lib/db/postgres/store";

describe("nextTimestamp", () => {
  it("is an ISO time that strictly increases, even within one millisecond", () => {
    const times = Array.from({ length: 50 }, nextTimestamp);
    for (const time of times) expect(new Date(time).toISOString()).toBe(time);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });
});

describe("listLimit", () => {
  it("defaults, truncates and clamps the requested number of conversations", () => {
    expect(listLimit(undefined)).toBe(200);
    expect(listLimit(Number.NaN)).toBe(200);
    expect(listLimit(20.7)).toBe(20);
    expect(listLimit(0)).toBe(1);
    expect(listLimit(-5)).toBe(1);
    expect(listLimit(1e9)).toBe(1_000);
  });
});

describe("patchAssignments", () => {
  it("sets only what the patch names, and clears what it sets to null", () => {
    expect(patchAssignments({})).toEqual([]);
    expect(patchAssignments({ state: "complete", metadata: null, error: undefined })).toEqual([
      { column: "metadata", value: null, isJson: true },
      { column: "state", value: "complete", isJson: false },
    ]);
    expect(patchAssignments({ parts: [{ type: "text", text: "x" }], error: null })).toEqual([
      { column: "parts", value: '[{"type":"text","text":"x"}]', isJson: true },
      { column: "error", value: null, isJson: false },
    ]);
  });
});

describe("toJsonb", () => {
  it("replaces only what jsonb cannot store", () => {
    const value = { text: "ok 😀 \\boxed{1} 中文", bad: "a\u0000b\ud800c\udc00d", nested: [{ t: "\u0000" }] };
    expect(JSON.parse(toJsonb(value))).toEqual({
      text: "ok 😀 \\boxed{1} 中文",
      bad: "a\ufffdb\ufffdc\ufffdd",
      nested: [{ t: "\ufffd" }],
    });
  });
});

describe("describeServer", () => {
  it("names user, host, port and database, never the password", () => {
    expect(describeServer("postgres://app:p%40ss@db.internal:6543/chats?sslmode=require")).toBe(
      "app@db.internal:6543/chats",
    );
    expect(describeServer("postgresql://localhost/chats")).toBe("localhost/chats");
  });
});

describe("describeCause", () => {
  it("reaches into the AggregateError of a refused dual-stack connect", () => {
    const refused = Object.assign(new Error(""), { code: "ECONNREFUSED" });
    const aggregate = new AggregateError([refused], "");
    expect(describeCause(aggregate)).toBe("ECONNREFUSED");
    expect(describeCause(new Error("boom"))).toBe("boom");
    expect(describeCause("text")).toBe("text");
  });
});
