import { describe, expect, it } from "vitest";
import { judgeAudit } from "@/scripts/audit";

const report = (vulnerabilities: Record<string, { severity: string }>) => {
  const counts: Record<string, number> = { info: 0, low: 0, moderate: 0, high: 0, critical: 0 };
  for (const { severity } of Object.values(vulnerabilities)) counts[severity] = (counts[severity] ?? 0) + 1;
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
};

describe("judgeAudit", () => {
  it("passes a report with nothing worse than moderate", () => {
    expect(judgeAudit(report({ a: { severity: "low" }, b: { severity: "moderate" } }))).toEqual({
      kind: "passed",
      counts: { info: 0, low: 1, moderate: 1, high: 0, critical: 0 },
    });
  });

  it("fails on a high or critical advisory, naming the packages", () => {
    const verdict = judgeAudit(
      report({ next: { severity: "critical" }, pg: { severity: "high" }, x: { severity: "low" } }),
    );
    expect(verdict).toMatchObject({ kind: "failed", packages: ["next (critical)", "pg (high)"] });
  });

  it("reports an unreachable or refusing audit service as unavailable, not as a verdict", () => {
    const refused = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
      error: { summary: "", detail: "" },
    });
    expect(judgeAudit(refused)).toEqual({
      kind: "unavailable",
      reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    });
    expect(judgeAudit("")).toMatchObject({ kind: "unavailable" });
    expect(judgeAudit("npm ERR! network")).toMatchObject({ kind: "unavailable" });
  });
});
