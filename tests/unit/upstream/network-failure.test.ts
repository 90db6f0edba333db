import { describe, expect, it } from "vitest";
import {
  describeFetchFailure,
  describeNetworkFailure,
  networkErrorCode,
} from "@/lib/upstream/network-failure";

const failed = (code: string) =>
  new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");

describe("network failures", () => {
  it("finds the code along the cause chain, and only known ones", () => {
    expect(networkErrorCode(failed("ECONNREFUSED"))).toBe("ECONNREFUSED");
    expect(networkErrorCode(failed("EWHATEVER"))).toBeUndefined();
    expect(networkErrorCode(failed("constructor"))).toBeUndefined();
  });

  it("words one sentence's reason for the BFF and the CLI", () => {
    expect(describeFetchFailure(failed("ECONNREFUSED"))).toBe("connection refused (is vLLM running?)");
    expect(describeFetchFailure(failed("UND_ERR_SOCKET"))).toBe("the connection was closed by the server");
    expect(describeFetchFailure(timeout)).toBe("it did not answer in time");
    expect(describeFetchFailure(new Error("other"))).toBe("the connection failed");
  });

  it("explains the same failures with a fix for the doctor", () => {
    expect(describeNetworkFailure(failed("UND_ERR_SOCKET"), 5000).reason).toBe("the connection was reset");
    expect(
      describeNetworkFailure(new TypeError("fetch failed", { cause: new Error("boom") }), 5000),
    ).toMatchObject({
      reason: "the connection failed (boom)",
      fix: expect.stringContaining("curl <url>/health"),
    });
  });
});
