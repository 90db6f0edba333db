import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, forwardedProto, requestHost } from "@/lib/http/origin";

function request(url: string, method: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { method, headers });
}

function refusal(candidate: Request): AppError | undefined {
  try {
    assertSameOrigin(candidate);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("assertSameOrigin", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])(
    "refuses a cross-site %s with a message naming the sender",
    (method) => {
      const error = refusal(
        request("http://localhost:3000/api/chat", method, { origin: "https://evil.example" }),
      );
      expect(error?.code).toBe("forbidden");
      expect(error?.message).toContain("https://evil.example");
      expect(error?.message).toMatch(/not from this app's own pages/);
    },
  );

  it("lets reads through whatever their origin (cookies are SameSite=Lax and responses are not CORS-readable)", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        refusal(request("http://localhost/api/conversations", method, { origin: "https://evil.example" })),
      ).toBeUndefined();
    }
  });

  it.each([
    ["http://localhost:3000/api/chat", "http://localhost:3000"],
    ["http://chat.example/api/chat", "http://chat.example:80"],
    ["http://Chat.Example/api/chat", "http://chat.example"],
    ["http://[::1]:3000/api/chat", "http://[::1]:3000"],
  ])("allows the app's own pages: %s from %s", (url, origin) => {
    expect(refusal(request(url, "POST", { origin }))).toBeUndefined();
  });

  it("refuses another port or a look-alike host of the same name", () => {
    for (const origin of [
      "http://localhost:3001",
      "http://localhost.evil.example:3000",
      "http://evil.localhost:3000",
    ]) {
      expect(refusal(request("http://localhost:3000/api/chat", "POST", { origin }))?.code).toBe("forbidden");
    }
  });

  it("allows clients that send no Origin at all, such as the CLI and curl", () => {
    expect(refusal(request("http://localhost:3000/api/chat", "POST"))).toBeUndefined();
    expect(
      refusal(request("http://localhost:3000/api/chat", "POST", { "sec-fetch-site": "same-origin" })),
    ).toBeUndefined();
  });

  it("refuses a browser that reports a cross-site request through Fetch Metadata even without Origin", () => {
    expect(
      refusal(request("http://localhost/api/chat", "POST", { "sec-fetch-site": "cross-site" }))?.code,
    ).toBe("forbidden");
  });

  it.each(["null", "file://", "chrome-extension://abc", "not a url", ""])(
    "refuses the opaque or odd origin %j",
    (origin) => {
      const error = refusal(request("http://localhost/api/chat", "POST", { origin }));
      expect(error?.code).toBe("forbidden");
    },
  );

  it("allows `Origin: null` only when Fetch Metadata says the page was this site's (a no-referrer form)", () => {
    const post = (site: string) =>
      request("http://localhost/api/shares/x/continue", "POST", { origin: "null", "sec-fetch-site": site });
    expect(refusal(post("same-origin"))).toBeUndefined();
    expect(refusal(post("same-site"))?.code).toBe("forbidden");
    expect(refusal(post("cross-site"))?.code).toBe("forbidden");
  });

  it("compares against the Host the browser addressed", () => {
    const viaHost = request("http://127.0.0.1:3000/api/chat", "POST", {
      host: "chat.example",
      origin: "http://chat.example",
    });
    expect(refusal(viaHost)).toBeUndefined();
  });

  it("honours X-Forwarded-Host and X-Forwarded-Proto from a TLS-terminating proxy", () => {
    const behindProxy = (origin: string, extra: Record<string, string> = {}) =>
      request("http://10.0.0.5:3000/api/chat", "POST", {
        origin,
        "x-forwarded-host": "chat.example",
        "x-forwarded-proto": "https",
        ...extra,
      });
    expect(refusal(behindProxy("https://chat.example"))).toBeUndefined();
    expect(refusal(behindProxy("https://chat.example:443"))).toBeUndefined();
    // The browser used https; a page served over plain http is another origin.
    expect(refusal(behindProxy("http://chat.example"))?.code).toBe("forbidden");
    expect(refusal(behindProxy("https://10.0.0.5:3000"))?.code).toBe("forbidden");
  });

  it("ignores malformed forwarding headers instead of trusting them", () => {
    const spoofed = request("http://localhost:3000/api/chat", "POST", {
      origin: "http://localhost:3000",
      "x-forwarded-host": "evil.example/path",
      "x-forwarded-proto": "javascript",
    });
    expect(requestHost(spoofed)).toBe("localhost:3000");
    expect(forwardedProto(spoofed)).toBeUndefined();
    expect(refusal(spoofed)).toBeUndefined();
  });

  it("takes the client's entry of a forwarding chain", () => {
    const chained = request("http://10.0.0.5/api/chat", "POST", {
      "x-forwarded-host": "chat.example, internal.lb",
      "x-forwarded-proto": "HTTPS, http",
    });
    expect(requestHost(chained)).toBe("chat.example");
    expect(forwardedProto(chained)).toBe("https");
  });
});
