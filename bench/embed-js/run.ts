/**
 * First-load JavaScript of the widget page (/embed) against its budget, with the app's pages beside it:
 * the compressed bytes of every script Chromium downloads to show each page, as `next start` serves them.
 *   npm run bench:embed-js
 * Writes bench/results/embed-js.json and embed-js.md; exits 1 if /embed is over budget.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../../tests/e2e/chromium";
import { ensureProductionBuild, startApp } from "../render/processes";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUDGET_BYTES = 150 * 1024;
const HOST_ORIGIN = "https://widget-host.example";

interface PageWeight {
  path: string;
  scripts: number;
  compressedBytes: number;
}

ensureProductionBuild(ROOT, process.argv.includes("--build"));
// The widget page renders only for an allowed site (the app reads this when it starts).
process.env.EMBED_ALLOWED_ORIGINS = HOST_ORIGIN;
const app = await startApp(ROOT, "");
const browser = await chromium.launch(chromiumLaunchOptions);
const weights: PageWeight[] = [];
try {
  for (const path of [`/embed?origin=${encodeURIComponent(HOST_ORIGIN)}`, "/", "/status"]) {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") sizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
    const bytes = await Promise.all(sizes);
    weights.push({
      path,
      scripts: bytes.length,
      compressedBytes: bytes.reduce((sum, size) => sum + size, 0),
    });
    await page.close();
  }
} finally {
  await browser.close();
  await app.stop();
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const embed = weights[0] as PageWeight;
const withinBudget = embed.compressedBytes <= BUDGET_BYTES;
const lines = [
  "# First-load JavaScript (compressed, as served by `next start`)",
  "",
  "| page | scripts | KB |",
  "| --- | ---: | ---: |",
  ...weights.map(
    (weight) => `| \`${weight.path.split("?")[0]}\` | ${weight.scripts} | ${kb(weight.compressedBytes)} |`,
  ),
  "",
  `/embed budget: ${kb(BUDGET_BYTES)} KB: ${withinBudget ? "within" : "OVER"}.`,
  "",
];
writeFileSync(new URL("../results/embed-js.md", import.meta.url), lines.join("\n"));
writeFileSync(
  new URL("../results/embed-js.json", import.meta.url),
  `${JSON.stringify({ budgetBytes: BUDGET_BYTES, withinBudget, pages: weights }, null, 2)}\n`,
);
console.log(lines.join("\n"));
process.exitCode = withinBudget ? 0 : 1;
