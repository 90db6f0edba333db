/**
 * Page budgets: first-load JavaScript per route and the size of standalone scripts, gzipped, read from
 * the production build (run `next build` first).
 *   npm run check:budgets
 * Writes bench/results/budgets.json; exits 1 if a budget is exceeded.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FILE_BUDGETS, PAGE_BUDGETS } from "./budgets";
import { firstLoadFiles, gzipBytes, type SizedFile } from "./first-load";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NEXT_DIR = join(ROOT, ".next");
const RESULTS = join(ROOT, "bench", "results");

type Status = "pass" | "fail" | "not built";

interface Row {
  name: string;
  maxKb: number;
  kb: number | null;
  status: Status;
  files?: { file: string; kb: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const statusOf = (sizeKb: number | null, maxKb: number): Status =>
  sizeKb === null ? "not built" : sizeKb <= maxKb ? "pass" : "fail";

function pageRow(route: string, maxKb: number): Row {
  const files: SizedFile[] | null = firstLoadFiles(NEXT_DIR, route);
  const total = files ? kb(files.reduce((sum, file) => sum + file.gzipBytes, 0)) : null;
  return {
    name: route,
    maxKb,
    kb: total,
    status: statusOf(total, maxKb),
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
const pages = PAGE_BUDGETS.map((budget) => pageRow(budget.route, budget.maxKb));
const files = FILE_BUDGETS.map((budget) => fileRow(budget.name, budget.path, budget.maxKb));
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, "budgets.json"),
  `${JSON.stringify({ date: new Date().toISOString(), command: "npm run check:budgets", pages, files }, null, 2)}\n`,
);
console.table(
  [...pages, ...files].map(({ name, maxKb, kb: size, status }) => ({
    budget: name,
    "gzipped KB": size ?? "–",
    "max KB": maxKb,
    status,
  })),
);
if ([...pages, ...files].some((row) => row.status === "fail")) {
  console.error("A page budget is exceeded (details per file in bench/results/budgets.json).");
  process.exit(1);
}
