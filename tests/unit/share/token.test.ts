import { describe, expect, it } from "vitest";
import { newShareToken, SHARE_TOKEN_LENGTH, shareTokenSchema } from "@/lib/share/token";

describe("share tokens", () => {
  it("are URL-safe base64url of at least 128 random bits", () => {
    const token = newShareToken();
    expect(token).toHaveLength(SHARE_TOKEN_LENGTH);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(Buffer.from(token, "base64url").byteLength * 8).toBeGreaterThanOrEqual(128);
    expect(shareTokenSchema.safeParse(token).success).toBe(true);
  });

  it("never repeat, and every bit is a fair coin", () => {
    const count = 4_000;
    const tokens = Array.from({ length: count }, newShareToken);
    expect(new Set(tokens).size).toBe(count);

    const bits = Buffer.from(tokens[0] as string, "base64url").byteLength * 8;
    const ones = new Array<number>(bits).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, "base64url");
      for (let bit = 0; bit < bits; bit++) {
        const byte = bytes[Math.floor(bit / 8)] ?? 0;
        ones[bit] = (ones[bit] ?? 0) + ((byte >> (7 - (bit % 8))) & 1);
      }
    }
    // Binomial(4000, 0.5) has a standard deviation of about 32: 6 of them either side is a fair bit.
    for (const count1 of ones) expect(Math.abs(count1 - count / 2)).toBeLessThan(190);
  });

  it("refuses anything else as a token", () => {
    for (const bad of [
      "",
      "short",
      `${newShareToken()}x`,
      "a/b+c=d".padEnd(SHARE_TOKEN_LENGTH, "a"),
      "../".repeat(8),
    ]) {
      expect(shareTokenSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
