import { describe, expect, it } from "vitest";
import { newOwnerId, signOwnerId, verifyOwnerToken } from "@/lib/owner/token";

const secret = "a-test-secret-that-is-long-enough-0123456789";

describe("owner tokens", () => {
  it("makes 128-bit base64url owner ids", () => {
    const ids = new Set(Array.from({ length: 100 }, newOwnerId));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, "base64url")).toHaveLength(16);
    }
  });

  it("verifies what it signed", () => {
    const ownerId = newOwnerId();
    const token = signOwnerId(ownerId, secret);
    expect(token).toMatch(new RegExp(`^${ownerId}\\.[A-Za-z0-9_-]{43}$`));
    expect(verifyOwnerToken(token, secret)).toBe(ownerId);
  });

  it("rejects a token signed with another secret", () => {
    const token = signOwnerId(newOwnerId(), secret);
    expect(verifyOwnerToken(token, `${secret}-rotated`)).toBeNull();
  });

  it("rejects a changed owner id or signature", () => {
    const ownerId = newOwnerId();
    const token = signOwnerId(ownerId, secret);
    const [, signature = ""] = token.split(".");
    const otherId = newOwnerId();
    expect(verifyOwnerToken(`${otherId}.${signature}`, secret)).toBeNull();
    const flipped = `${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    expect(verifyOwnerToken(`${ownerId}.${flipped}`, secret)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["only a dot", "."],
    ["no signature", `${"a".repeat(22)}.`],
    ["no owner id", `.${"a".repeat(43)}`],
    ["three parts", `${"a".repeat(22)}.${"a".repeat(43)}.x`],
    ["a short owner id", `abc.${"a".repeat(43)}`],
    ["a padded signature", `${"a".repeat(22)}.${"a".repeat(43)}=`],
    ["characters outside base64url", `${"a".repeat(21)}+.${"a".repeat(43)}`],
    ["a short signature", `${"a".repeat(22)}.${"a".repeat(42)}`],
    ["a URL-encoded value", "a%2Eb"],
  ])("rejects %s without throwing", (_name, token) => {
    expect(verifyOwnerToken(token, secret)).toBeNull();
  });
});
