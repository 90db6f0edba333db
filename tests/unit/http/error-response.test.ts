import { describe, expect, it, vi } from "vitest";
import { AppError, RateLimitedError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";

/** A second, separately evaluated copy of lib/errors, as a Next.js build holds one per bundle. */
async function otherCopyOfErrors(): Promise<typeof import("@/lib/errors")> {
  vi.resetModules();
  return import("@/lib/errors");
}

describe("errorResponse", () => {
  it("maps typed errors to their status and hides anything else behind a 500", async () => {
    expect(errorResponse(new AppError("conflict", "taken")).status).toBe(409);
    const limited = errorResponse(new RateLimitedError("owner_rate", "slow down", 7));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("7");
    const unexpected = errorResponse(new Error("secret detail"));
    expect(unexpected.status).toBe(500);
    expect(await unexpected.text()).not.toContain("secret detail");
  });

  it("recognises errors thrown by another bundle's copy of the error classes", async () => {
    const copy = await otherCopyOfErrors();
    expect(copy.AppError).not.toBe(AppError);
    const conflict = errorResponse(
      new copy.AppError("conflict", "A conversation with that id already exists."),
    );
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({
      error: { code: "conflict", message: "A conversation with that id already exists." },
    });
    const limited = errorResponse(new copy.RateLimitedError("ip_rate", "slow down", 30));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("30");
  });
});
