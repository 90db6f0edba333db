// Sums the Vitest and Playwright JSON reports, and the static checks ("Name=pass|fail"), into the single
// closing line CI reads.
import { existsSync, readFileSync } from "node:fs";

const [vitestPath, playwrightPath, ...checks] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

if (vitestPath && existsSync(vitestPath)) {
  const report = JSON.parse(readFileSync(vitestPath, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed to load has no tests to count; count it as a failure.
  failed += report.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  ).length;
} else missing.push("vitest");

if (playwrightPath && existsSync(playwrightPath)) {
  const { stats } = JSON.parse(readFileSync(playwrightPath, "utf8"));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
  skipped += stats.skipped;
  if (stats.flaky > 0) console.log(`Browser tests that passed only on their retry (flaky): ${stats.flaky}`);
} else missing.push("playwright");

for (const check of checks) {
  const [name, result] = check.split("=");
  if (result === "pass") passed += 1;
  else {
    failed += 1;
    console.log(`Failed check: ${name}`);
  }
}

for (const suite of missing)
  console.log(`No ${suite} report was written: counting that suite as one failure.`);
failed += missing.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
