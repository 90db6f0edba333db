import { describe, expect, it } from "vitest";
import { en, type Messages, zh } from "@/lib/i18n/messages";

type Entry = [path: string, value: unknown];

function entries(dictionary: object, prefix = ""): Entry[] {
  return Object.entries(dictionary).flatMap(([key, value]): Entry[] =>
    typeof value === "object" && value !== null
      ? entries(value, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

/** A string, or what an interpolating entry returns for sample values. */
function rendered(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "function") return String(value("4.2"));
  throw new Error(`unexpected ${typeof value}`);
}

/** Identical in both languages on purpose. */
// Product and component names read the same in both languages.
const SAME_IN_BOTH = new Set(["app.name", "latency.ttftBff", "status.p50p95"]);

describe.each([
  ["en", en],
  ["zh", zh],
] as [string, Messages][])("the %s dictionary", (_name, dictionary) => {
  it("has no empty or padded texts", () => {
    for (const [path, value] of entries(dictionary)) {
      const text = rendered(value);
      expect(text.trim(), path).not.toBe("");
      expect(text, path).toBe(text.trim());
    }
  });

  it("puts interpolated values into the text", () => {
    for (const [path, value] of entries(dictionary)) {
      if (typeof value === "function") expect(value("4.2"), path).toContain("4.2");
    }
  });
});

describe("the Chinese dictionary", () => {
  it("has exactly the English keys, with the same kinds of values", () => {
    const shape = (dictionary: Messages) => entries(dictionary).map(([path, value]) => [path, typeof value]);
    expect(shape(zh)).toEqual(shape(en));
  });

  it("cannot miss a key: a translation without one does not type-check", () => {
    // @ts-expect-error `stop` is missing.
    const incomplete: Messages["composer"] = { label: "", placeholder: "", hint: "", send: "" };
    expect(Object.keys(incomplete)).not.toContain("stop");
  });

  it("translates every text", () => {
    const english = new Map(entries(en).map(([path, value]) => [path, rendered(value)]));
    for (const [path, value] of entries(zh)) {
      if (!SAME_IN_BOTH.has(path)) expect(rendered(value), path).not.toBe(english.get(path));
    }
  });

  it("reads naturally with values in it", () => {
    expect(zh.reasoning.thoughtFor("3.5")).toBe("已思考 3.5 秒");
    expect(zh.rules.applied(4)).toBe("已应用 R1 规则（4 条）");
    expect(en.reasoning.thoughtFor("3.5")).toBe("Thought for 3.5 s");
  });
});
