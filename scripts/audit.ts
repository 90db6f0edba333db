/**
 * `npm audit --omit=dev`, judged: fails (exit 1) on a high or critical advisory in a runtime dependency.
 * When the audit service cannot be reached or refuses the request (some registries and mirrors answer
 * 405), it says so and exits 0 without a verdict (exit 3 with --strict): a network outage is no finding,
 * which is also why this is not part of `npm test`.
 *   npm run audit [-- --strict]
 */
import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { z } from "zod";

const severities = ["info", "low", "moderate", "high", "critical"] as const;
type Severity = (typeof severities)[number];

const reportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ severity: z.enum(severities) })),
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }),
});
const failureSchema = z.object({ message: z.string().optional(), statusCode: z.number().optional() });

export type AuditVerdict =
  | { kind: "passed"; counts: Partial<Record<Severity, number>> }
  | { kind: "failed"; counts: Partial<Record<Severity, number>>; packages: string[] }
  | { kind: "unavailable"; reason: string };

/** Judges the JSON `npm audit --json` printed. */
export function judgeAudit(output: string): AuditVerdict {
  let json: unknown;
  try {
    json = JSON.parse(output);
  } catch {
    return {
      kind: "unavailable",
      reason: `npm audit printed no report: ${output.trim().slice(0, 200) || "(nothing)"}`,
    };
  }
  const report = reportSchema.safeParse(json);
  if (!report.success) {
    const failure = failureSchema.safeParse(json);
    const reason = failure.success && failure.data.message ? failure.data.message : "an unexpected answer";
    return { kind: "unavailable", reason };
  }
  const counts = report.data.metadata.vulnerabilities as Partial<Record<Severity, number>>;
  const packages = Object.entries(report.data.vulnerabilities)
    .filter(([, advisory]) => advisory.severity === "high" || advisory.severity === "critical")
    .map(([name, advisory]) => `${name} (${advisory.severity})`);
  return packages.length > 0 ? { kind: "failed", counts, packages } : { kind: "passed", counts };
}

function runNpmAudit(): Promise<string> {
  return new Promise((resolve) => {
    // npm audit exits non-zero both for findings and for failures; the JSON tells them apart.
    execFile("npm", ["audit", "--omit=dev", "--json"], { maxBuffer: 64 * 1024 * 1024 }, (_error, stdout) =>
      resolve(stdout),
    );
  });
}

async function main(): Promise<number> {
  const strict = process.argv.includes("--strict");
  const verdict = judgeAudit(await runNpmAudit());
  const summary = (counts: Partial<Record<Severity, number>>) =>
    severities.map((severity) => `${counts[severity] ?? 0} ${severity}`).join(", ");
  switch (verdict.kind) {
    case "passed":
      console.log(`npm audit --omit=dev: no high or critical advisory (${summary(verdict.counts)}).`);
      return 0;
    case "failed":
      console.error(`npm audit --omit=dev: high or critical advisories in ${verdict.packages.join(", ")}.`);
      console.error(`(${summary(verdict.counts)}; run \`npm audit --omit=dev\` for details and fixes.)`);
      return 1;
    case "unavailable":
      console.warn(`npm audit --omit=dev: NOT CHECKED, the audit service is unavailable: ${verdict.reason}`);
      return strict ? 3 : 0;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main();
}
