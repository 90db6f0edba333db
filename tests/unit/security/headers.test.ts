import { describe, expect, it } from "vitest";
import { newNonce, routeRule, securityHeaders } from "@/lib/security/headers";

const allowed = ["https://docs.example.com", "http://localhost:4000"];

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name as string, values.join(" ")];
    }),
  );
}

function headersFor(pathname: string, embedAllowedOrigins: string[] = allowed) {
  return securityHeaders({ pathname, nonce: "bm9uY2U=", embedAllowedOrigins });
}

describe("securityHeaders", () => {
  it.each(["/", "/c/abc12345", "/status", "/api/chat", "/embedded", "/widget.js"])(
    "refuses every framing of %s and sends the strict policy",
    (pathname) => {
      const headers = headersFor(pathname);
      const csp = directives(headers["Content-Security-Policy"]);
      expect(csp.get("frame-ancestors")).toBe("'none'");
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(csp.get("script-src")).toBe("'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
      expect(csp.get("default-src")).toBe("'self'");
      expect(csp.get("connect-src")).toBe("'self'");
      expect(csp.get("object-src")).toBe("'none'");
      expect(csp.get("base-uri")).toBe("'self'");
      expect(csp.get("form-action")).toBe("'self'");
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["Permissions-Policy"]).toMatch(/(^|, )camera=\(\)/);
      expect(headers["Permissions-Policy"]).toMatch(/(^|, )microphone=\(\)/);
      expect(headers["Permissions-Policy"]).toMatch(/(^|, )geolocation=\(\)/);
      expect(headers["X-Robots-Tag"]).toBeUndefined();
    },
  );

  it.each(["/embed", "/embed/"])(
    "lets exactly the configured sites frame %s, without X-Frame-Options",
    (pathname) => {
      const headers = headersFor(pathname);
      expect(directives(headers["Content-Security-Policy"]).get("frame-ancestors")).toBe(allowed.join(" "));
      expect(headers["X-Frame-Options"]).toBeUndefined();
    },
  );

  it("refuses framing of /embed too when no site is configured", () => {
    const headers = headersFor("/embed", []);
    expect(directives(headers["Content-Security-Policy"]).get("frame-ancestors")).toBe("'none'");
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("keeps share pages out of Referer headers, search engines and frames", () => {
    const headers = headersFor("/s/abcdefghijklmnopqrstuv");
    expect(headers["Referrer-Policy"]).toBe("no-referrer");
    expect(headers["X-Robots-Tag"]).toBe("noindex, nofollow");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(directives(headers["Content-Security-Policy"]).get("frame-ancestors")).toBe("'none'");
    expect(routeRule("/status")).toBeUndefined();
  });

  it("allows eval only for the development server", () => {
    const development = securityHeaders({
      pathname: "/",
      nonce: "n",
      embedAllowedOrigins: [],
      development: true,
    });
    expect(directives(development["Content-Security-Policy"]).get("script-src")).toContain("'unsafe-eval'");
    expect(headersFor("/")["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
