import { describe, expect, it } from "vitest";
import { pickLocale } from "@/lib/i18n/negotiate";

describe("pickLocale", () => {
  it("falls back to English without a usable header", () => {
    expect(pickLocale(null)).toBe("en");
    expect(pickLocale("")).toBe("en");
    expect(pickLocale("fr-FR, de;q=0.8, *;q=0.5")).toBe("en");
  });

  it.each(["zh", "zh-CN", "zh-TW", "zh-HK", "zh-Hant-TW", "ZH-cn", "zh-SG;q=0.9"])(
    "maps %s to Chinese",
    (header) => {
      expect(pickLocale(header)).toBe("zh");
    },
  );

  it("takes the supported language the browser weighs highest", () => {
    expect(pickLocale("en-US,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(pickLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(pickLocale("en;q=0.4, zh-TW;q=0.7")).toBe("zh");
    expect(pickLocale("fr, zh ; q = 0.3, en;q=0.2")).toBe("zh");
  });

  it("lets the browser's order decide between equal weights", () => {
    expect(pickLocale("zh-TW, en")).toBe("zh");
    expect(pickLocale("en, zh-TW")).toBe("en");
  });

  it("never picks a language weighted q=0, and reads a malformed weight as 1", () => {
    expect(pickLocale("zh;q=0, en;q=0.1")).toBe("en");
    expect(pickLocale("zh;q=0")).toBe("en");
    expect(pickLocale("en;q=0.5, zh;q=oops")).toBe("zh");
  });

  it("lets a valid r1_locale cookie override the header, and ignores any other value", () => {
    expect(pickLocale("zh-CN", "en")).toBe("en");
    expect(pickLocale("en-US", "zh")).toBe("zh");
    expect(pickLocale("zh-CN", "fr")).toBe("zh");
    expect(pickLocale("zh-CN", "")).toBe("zh");
  });
});
