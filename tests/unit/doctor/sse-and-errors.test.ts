import { describe, expect, it } from "vitest";
import { versionFinding } from "@/lib/doctor/checks/server";
import { errorMessage } from "@/lib/doctor/probe-client";
import { SseSplitter } from "@/lib/doctor/sse-recorder";
import { describeNetworkFailure } from "@/lib/upstream/network-failure";

describe("SseSplitter", () => {
  it("yields data payloads of complete events only, skipping comments", () => {
    const splitter = new SseSplitter();
    expect(splitter.push('data: {"a":1}\n\n: keep-alive\n\ndata: {"b"')).toEqual(['{"a":1}']);
    expect(splitter.push(":2}\r\n\r\ndata: [DONE]\n\n")).toEqual(['{"b":2}', "[DONE]"]);
  });
});

describe("errorMessage", () => {
  it("reads vLLM's nested, flat, 401 and 404 bodies", () => {
    expect(errorMessage('{"error":{"message":"bad","type":"BadRequestError","param":null,"code":400}}')).toBe(
      "bad",
    );
    expect(errorMessage('{"object":"error","message":"old","type":"BadRequestError"}')).toBe("old");
    expect(errorMessage('{"error":"Unauthorized"}')).toBe("Unauthorized");
    expect(errorMessage('{"detail":"Not Found"}')).toBe("Not Found");
    expect(errorMessage("<html>\n<h1>502 Bad Gateway</h1></html>")).toBe(
      "<html> <h1>502 Bad Gateway</h1></html>",
    );
  });
});

describe("describeNetworkFailure", () => {
  const failed = (code: string) =>
    new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });

  it("explains refused connections, including vLLM still loading", () => {
    expect(describeNetworkFailure(failed("ECONNREFUSED"), 5000).reason).toContain("refused");
    expect(describeNetworkFailure(failed("ECONNREFUSED"), 5000).fix).toContain(
      "Application startup complete",
    );
  });

  it("explains DNS failures and timeouts", () => {
    expect(describeNetworkFailure(failed("ENOTFOUND"), 5000).reason).toContain("does not resolve");
    expect(describeNetworkFailure(failed("EAI_AGAIN"), 5000).reason).toContain("does not resolve");
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    expect(describeNetworkFailure(timeout, 5000).reason).toBe("no answer within 5 s");
  });
});

describe("versionFinding", () => {
  it("warns about releases with known R1 problems", () => {
    expect(versionFinding("0.7.2")).toMatchObject({
      status: "warn",
      title: expect.stringContaining("mis-parses"),
    });
    expect(versionFinding("0.7.3")).toMatchObject({
      status: "warn",
      title: expect.stringContaining("sampling"),
    });
    expect(versionFinding("0.8.0").status).toBe("info");
    expect(versionFinding("0.16.0rc1+cu128").status).toBe("info");
    expect(versionFinding(undefined).status).toBe("info");
  });
});
