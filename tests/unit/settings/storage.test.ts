import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from "@/lib/settings/defaults";
import { parseStoredSettings, readSettings, writeSettings } from "@/lib/settings/storage";

describe("parseStoredSettings", () => {
  it("defaults to the system theme, smooth text on and no latency overlay", () => {
    expect(DEFAULT_SETTINGS).toEqual({ theme: "system", smoothText: true, latencyOverlay: false });
    expect(parseStoredSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it.each(["", "{", "not json", "null", "42", '"dark"', "[]", "[1,2]"])(
    "turns %j into the defaults",
    (raw) => {
      expect(parseStoredSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it("keeps the valid fields of a partly broken entry", () => {
    expect(parseStoredSettings('{"theme":"dark","smoothText":"yes","latencyOverlay":true}')).toEqual({
      theme: "dark",
      smoothText: true,
      latencyOverlay: true,
    });
    expect(parseStoredSettings('{"theme":"sepia","smoothText":false}')).toEqual({
      theme: "system",
      smoothText: false,
      latencyOverlay: false,
    });
  });

  it("drops fields it does not know", () => {
    expect(parseStoredSettings('{"theme":"light","fontSize":18}')).toEqual({
      ...DEFAULT_SETTINGS,
      theme: "light",
    });
  });
});

describe("reading and writing storage", () => {
  const refusingStorage = {
    getItem: () => {
      throw new DOMException("blocked", "SecurityError");
    },
    setItem: () => {
      throw new DOMException("full", "QuotaExceededError");
    },
  };

  it("round-trips through one entry", () => {
    const entries = new Map<string, string>();
    const storage = {
      getItem: (key: string) => entries.get(key) ?? null,
      setItem: entries.set.bind(entries),
    };
    writeSettings(storage, { theme: "light", smoothText: false, latencyOverlay: true });
    expect([...entries.keys()]).toEqual([SETTINGS_STORAGE_KEY]);
    expect(readSettings(storage)).toEqual({ theme: "light", smoothText: false, latencyOverlay: true });
  });

  it("survives a browser that refuses storage", () => {
    expect(readSettings(refusingStorage)).toEqual(DEFAULT_SETTINGS);
    expect(() => writeSettings(refusingStorage, DEFAULT_SETTINGS)).not.toThrow();
  });
});
