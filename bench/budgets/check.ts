/**
 * Page budgets: first-load JavaScript per route and the size of standalone scripts, gzipped, read from
 * the production build (run `next build` first). A React page's first load comes from the build's
 * manifests; a route handler's page (the share page) is rendered, and its scripts counted.
 *   npm run check:budgets
 * Writes bench/results/budgets.json and regenerates BENCHMARKS.md; exits 1 if a budget is exceeded or a route or file is missing.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBenchmarksTable } from "../benchmarks-table";
import { FILE_BUDGETS, PAGE_BUDGETS, type PageBudget } from "./budgets";
import { firstLoadFiles, gzipBytes, htmlScripts, isRouteHandler, type SizedFile } from "./first-load";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_DIR = join(ROOT, ".next");
const RESULTS = join(ROOT, "bench", "results");

type Status = "pass" | "fail" | "missing";

interface Row {
  name: string;
  /** How the figure was read: the build's manifests, or the scripts of the page a route handler serves. */
  measured?: "manifests" | "rendered HTML";
  maxKb: number;
  kb: number | null;
  status: Status;
  files?: { file: string; kb: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const statusOf = (sizeKb: number | null, maxKb: number): Status =>
  sizeKb === null ? "missing" : sizeKb <= maxKb ? "pass" : "fail";

/** A script the HTML loads by address: a build chunk (/_next/static/…) or a file in public/. */
function scriptFile(src: string): string {
  const { pathname } = new URL(src, "http://app.invalid");
  const path = pathname.startsWith("/_next/")
    ? join(NEXT_DIR, pathname.slice("/_next/".length))
    : join(ROOT, "public", pathname);
  if (!existsSync(path))
    throw new Error(`The page loads ${src}, which is neither in the build nor in public/.`);
  return path;
}

function routeFiles({ route, renderHtml }: PageBudget): {
  files: SizedFile[] | null;
  measured: Row["measured"];
} {
  if (!isRouteHandler(NEXT_DIR, route))
    return { files: firstLoadFiles(NEXT_DIR, route), measured: "manifests" };
  if (!renderHtml) throw new Error(`${route} is a route handler: its budget needs a page to render.`);
  return { files: htmlScripts(renderHtml(), scriptFile), measured: "rendered HTML" };
}

function pageRow(budget: PageBudget): Row {
  const { files, measured } = routeFiles(budget);
  const total = files ? kb(files.reduce((sum, file) => sum + file.gzipBytes, 0)) : null;
  return {
    name: budget.route,
    measured: files ? measured : undefined,
    maxKb: budget.maxKb,
    kb: total,
    status: statusOf(total, budget.maxKb),
    files: files?.map((file) => ({ file: file.file, kb: kb(file.gzipBytes) })),
  };
}

function fileRow(name: string, path: string, maxKb: number): Row {
  const absolute = join(ROOT, path);
  const size = existsSync(absolute) ? kb(gzipBytes(absolute)) : null;
  return { name: `${name} (${path})`, maxKb, kb: size, status: statusOf(size, maxKb) };
}

if (!existsSync(join(NEXT_DIR, "build-manifest.json"))) {
  console.error("No production build in .next: run `next build` first.");
  process.exit(1);
}
const pages = PAGE_BUDGETS.map(pageRow);
const files = FILE_BUDGETS.map((budget) => fileRow(budget.name, budget.path, budget.maxKb));
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, "budgets.json"),
  `${JSON.stringify({ date: new Date().toISOString(), command: "npm run check:budgets", cpus: cpus().length, loadAverage: loadavg(), pages, files }, null, 2)}\n`,
);
writeBenchmarksTable(RESULTS);
console.table(
  [...pages, ...files].map(({ name, measured, maxKb, kb: size, status }) => ({
    budget: name,
    measured: measured ?? "file",
    "gzipped KB": size ?? "–",
    "max KB": maxKb,
    status,
  })),
);
if ([...pages, ...files].some((row) => row.status !== "pass")) {
  console.error(
    "A page budget is exceeded, or a route or file is missing from the build (details per file in bench/results/budgets.json).",
  );
  process.exit(1);
}
