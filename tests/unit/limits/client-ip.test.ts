import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/limits/client-ip";

const headers = (forwardedFor?: string) =>
  new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientIp", () => {
  it("takes the address the app's own server saw (the last entry) when no proxy is trusted", () => {
    expect(clientIp(headers("203.0.113.9, 127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("skips the trusted proxies' entries, so a forged leftmost entry is ignored", () => {
    expect(clientIp(headers("6.6.6.6, 203.0.113.9, 10.0.0.2"), 1)).toBe("203.0.113.9");
  });

  it("gives nothing when the header is missing, too short or not an address", () => {
    expect(clientIp(headers(), 0)).toBeUndefined();
    expect(clientIp(headers("127.0.0.1"), 1)).toBeUndefined();
    expect(clientIp(headers("not-an-ip"), 0)).toBeUndefined();
  });

  it("accepts IPv6", () => {
    expect(clientIp(headers("::1"), 0)).toBe("::1");
  });
});
