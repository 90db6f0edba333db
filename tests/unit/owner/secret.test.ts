import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/lib/config";
import { verifyOwnerToken } from "@/lib/owner/token";

const config = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock("@/lib/config", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/config")>()),
  getConfig: () => config.current,
}));

const root = mkdtempSync(join(tmpdir(), "r1-chat-secret-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dataDir: string;

beforeEach(() => {
  dataDir = join(root, String(Math.random()).slice(2), "data");
  config.current = parseConfig({ DATA_DIR: dataDir });
  // The secret is cached per module instance, as it is per process in the app.
  vi.resetModules();
});

async function freshProcess() {
  const owner = await import("@/lib/owner");
  const secret = await import("@/lib/owner/secret");
  return { ...owner, ...secret };
}

describe("the owner cookie secret", () => {
  it("without OWNER_COOKIE_SECRET, is generated into DATA_DIR/owner-secret, readable by its owner only", async () => {
    const { issueOwner, SECRET_FILE_NAME } = await freshProcess();
    const { ownerId, setCookie } = issueOwner();

    const path = join(dataDir, SECRET_FILE_NAME);
    const stored = readFileSync(path, "utf8").trim();
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(verifyOwnerToken(setCookie.split(/[=;]/)[1] ?? "", stored)).toBe(ownerId);
  });

  it("is reused after a restart, so cookies stay valid", async () => {
    const before = await freshProcess();
    const { ownerId, setCookie } = before.issueOwner();
    vi.resetModules();
    const after = await freshProcess();
    expect(after.readOwner(setCookie.split(";")[0] ?? null)).toBe(ownerId);
  });

  it("is OWNER_COOKIE_SECRET when set, and then no file is written", async () => {
    const configured = "configured-secret-0123456789-abcdefghijklmnop";
    config.current = parseConfig({ DATA_DIR: dataDir, OWNER_COOKIE_SECRET: configured });
    const { issueOwner, ownerSecret } = await freshProcess();
    expect(ownerSecret()).toBe(configured);
    issueOwner();
    expect(() => statSync(dataDir)).toThrow();
  });

  it("refuses a secret file too short to be a secret, saying what to do", async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "owner-secret"), "short\n");
    const { ownerSecret } = await freshProcess();
    expect(() => ownerSecret()).toThrow(
      /owner-secret holds no usable secret.*delete it.*OWNER_COOKIE_SECRET/,
    );
  });
});
