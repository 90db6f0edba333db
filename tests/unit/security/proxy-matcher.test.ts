import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// Next.js anchors a matcher at both ends of the path.
const proxied = (path: string) => config.matcher.some((matcher) => new RegExp(`^${matcher}$`).test(path));

describe("the proxy's matcher", () => {
  it("skips only the answer streams, which set their own security headers", () => {
    expect(proxied("/api/chat")).toBe(false);
    expect(proxied("/api/chat/abc-123/stream")).toBe(false);
  });

  it("covers every other page and route, the chat's other routes included", () => {
    for (const path of [
      "/",
      "/c/abc-123",
      "/embed",
      "/s/token",
      "/api/chat/abc-123/stop",
      "/api/chat/abc-123/stream/extra",
      "/api/chats",
      "/api/conversations",
      "/api/health",
    ])
      expect(proxied(path), path).toBe(true);
  });
});
