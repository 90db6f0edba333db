/**
 * Writes bench/results/BENCHMARKS.md from the result JSON files there: for each, its date, machine and
 * command, and every figure beside its target with pass or miss.
 *   npm run bench:table
 * Each result file keeps the shape its benchmark writes; one small adapter per file reads it into rows.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type Cell = string | number | boolean | null | undefined;
/** `metric`, then one or more figure columns, then `target` and `pass`. */
export type Row = Record<string, Cell> & { metric: string; target: Cell; pass: Cell };
export interface Section {
  date?: string;
  command: string;
  machine: string;
  rows: Row[];
}
// biome-ignore lint/suspicious/noExplicitAny: a result file's shape is its benchmark's; each adapter reads its own.
type ResultJson = any;

const flatten = (value: unknown): string =>
  Array.isArray(value)
    ? value.join(" ")
    : value !== null && typeof value === "object"
      ? Object.entries(value)
          .map(([key, inner]) => `${key} ${flatten(inner)}`)
          .join(", ")
      : String(value);

/** `machine: {…}` (render, relay) or top-level `cpus`, `loadAverage`, `browser` (the others). */
function machineOf(json: ResultJson): string {
  if (json.machine) return flatten(json.machine);
  const parts = [
    json.cpus !== undefined && `${json.cpus} CPUs`,
    json.loadAverage && `load average ${flatten(json.loadAverage.map((load: number) => load.toFixed(2)))}`,
    json.browser,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(", ") : "not recorded";
}

const common = (json: ResultJson, command: string) => ({
  date: json.date ?? json.measuredAt,
  command: json.command ?? command,
  machine: machineOf(json),
});

/** render and relay write their rows already: `targets: [{ metric, …figures, target, pass }]`. */
const targetRows =
  (command: string) =>
  (json: ResultJson): Section => ({ ...common(json, command), rows: json.targets ?? [] });

const budgetRow = (row: ResultJson): Row => ({
  metric: row.measured
    ? `${row.name}: first-load JS, gzipped (from the ${row.measured})`
    : `${row.name}, gzipped`,
  value: row.kb === null ? "missing" : `${row.kb} KB`,
  target: `≤ ${row.maxKb} KB`,
  pass: row.status === "pass",
});

const budgets = (json: ResultJson): Section => ({
  ...common(json, "npm run check:budgets"),
  rows: [...json.pages, ...json.files].map(budgetRow),
});

const lighthouseRows = (page: ResultJson, judge: (score: number) => Pick<Row, "target" | "pass">): Row[] =>
  Object.entries(page.scores as Record<string, number>).map(([category, score]) => ({
    metric: `${page.name} (${page.path}): ${category}`,
    median: score,
    "per run": page.runs?.map((run: Record<string, number>) => run[category]).join(", "),
    ...judge(score),
  }));

/** The app's pages against the minimum; the floor page, when the run has one, for reference only. */
const lighthouse = (json: ResultJson): Section => ({
  ...common(json, "npm run bench:lighthouse"),
  rows: [
    ...json.pages.flatMap((page: ResultJson) =>
      lighthouseRows(page, (score) => ({ target: `≥ ${json.minScore}`, pass: score >= json.minScore })),
    ),
    ...(json.floor ? lighthouseRows(json.floor, () => ({ target: "reference", pass: null })) : []),
  ],
});

/**
 * load.json records each target as `{ target, met }` and the figures beside them under `load` and `soak`;
 * this pairs each target (by how its text starts) with the figure it was judged on.
 */
const LOAD_FIGURES: [start: string, metric: string, figure: (json: ResultJson) => string][] = [
  [
    "no failed stream",
    "failed answers under load",
    ({ load }) => `${load.errors} of ${load.answers} (${load.streams} clients)`,
  ],
  [
    "no stream starved",
    "starved streams",
    ({ load }) =>
      `${load.starved} (first token p99 ${ms(load.firstTokenMs.p99)}, longest gap ${ms(load.maxGapMs.max)})`,
  ],
  [
    "live heap once idle",
    "live heap (after a full GC) idle after the load vs before",
    ({ load: { liveHeapMiB, rssMiB } }) =>
      `${liveHeapMiB.settled} vs ${liveHeapMiB.baseline} MiB (RSS ${rssMiB.settled} vs ${rssMiB.baseline}, peak ${rssMiB.peak} MiB)`,
  ],
  ["no upstream stream", "upstream streams left running", ({ load }) => `${load.upstreamStillRunning}`],
  [
    "no failed answer in the soak",
    "failed answers in the soak",
    ({ soak }) => `${soak.errors} of ${soak.answers}`,
  ],
  [
    "soak live heap",
    "soak live heap (after a full GC) idle after the soak vs before; checkpoints while it ran",
    ({ soak }) =>
      `${soak.liveHeapMiB.settled} vs ${soak.liveHeapMiB.before} MiB; ${soak.checkpoints.map((checkpoint: { heapMiB: number }) => checkpoint.heapMiB).join(" → ")} MiB (RSS ${soak.checkpoints[0].rssMiB} → ${soak.checkpoints.at(-1).rssMiB} MiB)`,
  ],
  [
    "soak open fds",
    "soak open fds, first checkpoint → last",
    ({ soak }) => `${soak.checkpoints[0].fds} → ${soak.checkpoints.at(-1).fds}`,
  ],
];
const ms = (value: number) => `${Math.round(value)} ms`;

/** The plan's flags override the defaults, so they make the command exactly. */
const loadCommand = ({ short, plan }: ResultJson) =>
  `npm run test:load -- ${short ? "--short " : ""}--streams ${plan.streams} --seconds ${plan.seconds} --soak-answers ${plan.soakAnswers}`;

const load = (json: ResultJson): Section => ({
  ...common(json, loadCommand(json)),
  rows: json.targets.map(({ target, met }: { target: string; met: boolean }) => {
    const known = LOAD_FIGURES.find(([start]) => target.startsWith(start));
    return { metric: known?.[1] ?? target, value: known?.[2](json) ?? "", target, pass: met };
  }),
});

/** The result files, in the order of the page, each with its adapter. */
export const ADAPTERS: Record<string, (json: ResultJson) => Section> = {
  render: targetRows("npm run bench:render"),
  relay: targetRows("npm run bench:relay"),
  budgets,
  lighthouse,
  load,
};

const escapeCell = (value: Cell) => String(value ?? "").replaceAll("|", "\\|");
const verdict = (pass: Cell) => (pass === true ? "✅ pass" : pass === false ? "❌ miss" : "");

function markdownFor(name: string, { date, command, machine, rows }: Section): string[] {
  const lines = [
    `## ${name}`,
    "",
    `- Date: ${date ?? "unknown"}`,
    `- Command: \`${command}\``,
    `- Machine: ${machine}`,
    "",
  ];
  if (rows.length === 0) return [...lines, "No targets recorded.", ""];
  const figures = [...new Set(rows.flatMap(Object.keys))].filter(
    (key) => !["metric", "target", "pass"].includes(key),
  );
  const columns = ["metric", ...figures, "target", "pass"];
  return [
    ...lines,
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...rows.map(
      (row) =>
        `| ${columns.map((column) => (column === "pass" ? verdict(row.pass) : escapeCell(row[column]))).join(" | ")} |`,
    ),
    "",
  ];
}

/** Each result file present in `dir`, read by its adapter. */
export function readSections(dir: string): [string, Section][] {
  return Object.entries(ADAPTERS)
    .filter(([name]) => existsSync(join(dir, `${name}.json`)))
    .map(([name, adapt]) => [name, adapt(JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")))]);
}

export function writeBenchmarksTable(dir: string): void {
  const text = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench:table` from the result files in this folder; each benchmark's own",
    "`<name>.md` has the details. The machine is shared, so the load average at the time is part of each result.",
    "",
    ...readSections(dir).flatMap(([name, section]) => markdownFor(name, section)),
  ].join("\n");
  writeFileSync(join(dir, "BENCHMARKS.md"), text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  writeBenchmarksTable(fileURLToPath(new URL("results", import.meta.url)));
}
