import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  issueOwner,
  issueOwnerToken,
  OWNER_COOKIE_NAME,
  OWNER_HEADER,
  readOwner,
  resolveOwner,
} from "@/lib/owner";
import { signOwnerId, verifyOwnerToken } from "@/lib/owner/token";

const secret = "configured-secret-0123456789-abcdefghijklmnop";
const config = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock("@/lib/config", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/config")>()),
  getConfig: () => config.current,
}));

const dataDir = mkdtempSync(join(tmpdir(), "r1-chat-owner-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeEach(() => {
  config.current = parseConfig({ DATA_DIR: dataDir, OWNER_COOKIE_SECRET: secret });
});

function tokenOf(setCookie: string): string {
  const match = new RegExp(`^${OWNER_COOKIE_NAME}=([^;]+)`).exec(setCookie);
  if (!match?.[1]) throw new Error(`not an owner cookie: ${setCookie}`);
  return match[1];
}

function request(url: string, headers: Record<string, string> = {}): Request {
  return new Request(url, { headers });
}

describe("issueOwner", () => {
  it("issues a one-year, httpOnly, SameSite=Lax cookie for the whole site, signed with the configured secret", () => {
    const { ownerId, setCookie } = issueOwner();
    expect(setCookie.split("; ")).toEqual([
      `${OWNER_COOKIE_NAME}=${tokenOf(setCookie)}`,
      "Path=/",
      "Max-Age=31536000",
      "HttpOnly",
      "SameSite=Lax",
    ]);
    expect(verifyOwnerToken(tokenOf(setCookie), secret)).toBe(ownerId);
  });

  it("marks the cookie Secure when asked", () => {
    expect(issueOwner({ secure: true }).setCookie).toMatch(/; Secure$/);
  });
});

describe("readOwner", () => {
  it("reads a valid cookie among others", () => {
    const { ownerId, setCookie } = issueOwner();
    expect(readOwner(`theme=dark; ${OWNER_COOKIE_NAME}=${tokenOf(setCookie)}; lang=zh`)).toBe(ownerId);
  });

  it("skips an invalid copy of the cookie when a valid one follows", () => {
    const { ownerId, setCookie } = issueOwner();
    expect(readOwner(`${OWNER_COOKIE_NAME}=garbage; ${OWNER_COOKIE_NAME}=${tokenOf(setCookie)}`)).toBe(
      ownerId,
    );
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["other cookies only", "theme=dark; lang=zh"],
    ["an empty value", `${OWNER_COOKIE_NAME}=`],
    ["no value at all", OWNER_COOKIE_NAME],
    ["garbage", `${OWNER_COOKIE_NAME}=%%%;;==`],
  ])("returns null for %s", (_name, header) => {
    expect(readOwner(header)).toBeNull();
  });

  it("returns null for a cookie signed with another secret", () => {
    const forged = signOwnerId("A".repeat(22), "an-attacker-secret-of-sufficient-length");
    expect(readOwner(`${OWNER_COOKIE_NAME}=${forged}`)).toBeNull();
  });
});

describe("resolveOwner", () => {
  it("keeps the identity of a valid cookie and sets no cookie", () => {
    const { ownerId, setCookie } = issueOwner();
    const owner = resolveOwner(
      request("http://localhost/api/chat", { cookie: `${OWNER_COOKIE_NAME}=${tokenOf(setCookie)}` }),
    );
    expect(owner).toEqual({ ownerId });
  });

  it("gives a request without a valid cookie a new identity and its cookie", () => {
    const { ownerId, setCookie } = issueOwner();
    const tampered = `${OWNER_COOKIE_NAME}=${tokenOf(setCookie).replace(/^./, (c) => (c === "A" ? "B" : "A"))}`;
    const owner = resolveOwner(request("http://localhost/api/chat", { cookie: tampered }));
    expect(owner.ownerId).not.toBe(ownerId);
    expect(readOwner(`${OWNER_COOKIE_NAME}=${tokenOf(owner.setCookie ?? "")}`)).toBe(owner.ownerId);
    expect(owner.setCookie).not.toContain("Secure");
  });

  it("marks the cookie Secure over https, directly or behind a TLS-terminating proxy", () => {
    expect(resolveOwner(request("https://chat.example/")).setCookie).toMatch(/; Secure$/);
    expect(
      resolveOwner(request("http://10.0.0.5:3000/", { "x-forwarded-proto": "https, http" })).setCookie,
    ).toMatch(/; Secure$/);
    expect(
      resolveOwner(request("http://localhost:3000/", { "x-forwarded-proto": "http" })).setCookie,
    ).not.toContain("Secure");
  });
});

describe("the widget's owner header", () => {
  it("names the owner of a server-issued token, without a cookie, and wins over a cookie", () => {
    const token = issueOwnerToken();
    const ownerId = verifyOwnerToken(token, secret);
    const cookie = `${OWNER_COOKIE_NAME}=${tokenOf(issueOwner().setCookie)}`;
    expect(ownerId).not.toBeNull();
    expect(resolveOwner(request("http://localhost/api/chat", { [OWNER_HEADER]: token, cookie }))).toEqual({
      ownerId,
    });
  });

  it("refuses a forged or malformed token instead of quietly starting a new identity", () => {
    const forged = signOwnerId("A".repeat(22), "an-attacker-secret-of-sufficient-length");
    for (const value of [forged, "", "garbage"]) {
      let error: unknown;
      try {
        resolveOwner(request("http://localhost/api/chat", { [OWNER_HEADER]: value }));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unauthorized");
    }
  });
});
