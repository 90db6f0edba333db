import { formatMs } from "./format-ms";
import type { DoctorReport, FindingStatus } from "./types";

export interface FormatOptions {
  /** ANSI colours, for terminals only. */
  color?: boolean;
  /** Wrap to this many columns. */
  width?: number;
}

const MARKS: Record<FindingStatus, string> = { ok: "✓", warn: "!", fail: "✗", info: "i" };
const COLOR_CODES: Record<FindingStatus, number> = { ok: 32, warn: 33, fail: 31, info: 36 };
const MIN_TEXT_WIDTH = 40;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The report as aligned text: a mark, the finding's id and title, then its detail and fix beneath. */
export function formatReport(
  report: DoctorReport,
  { color = false, width = 100 }: FormatOptions = {},
): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const idWidth = Math.max(...report.findings.map((finding) => finding.id.length), 0);
  const indent = " ".repeat(2 + idWidth + 2);
  const textWidth = Math.max(MIN_TEXT_WIDTH, width - indent.length);

  const { version, model, maxModelLen } = report.server;
  const about = [
    version && `vLLM ${version}`,
    model,
    maxModelLen && `max_model_len ${maxModelLen.toLocaleString("en-US")}`,
  ].filter(Boolean);
  const lines = [`r1-chat doctor · ${report.baseURL}`];
  if (about.length) lines.push(about.join(" · "));
  lines.push("");

  for (const finding of report.findings) {
    const mark = paint(COLOR_CODES[finding.status], MARKS[finding.status]);
    lines.push(`${mark} ${finding.id.padEnd(idWidth)}  ${paint(1, finding.title)}`);
    for (const line of wrap(finding.detail, textWidth)) lines.push(indent + line);
    if (finding.fix) {
      for (const line of wrap(`Fix: ${finding.fix}`, textWidth)) lines.push(indent + line);
    }
  }

  const count = (status: FindingStatus) =>
    report.findings.filter((finding) => finding.status === status).length;
  lines.push(
    "",
    `${count("ok")} ok · ${plural(count("warn"), "warning")} · ${count("fail")} failed · ${count("info")} info` +
      ` · ${plural(report.requests, "request")} in ${formatMs(report.durationMs)}`,
  );
  return lines.join("\n");
}
