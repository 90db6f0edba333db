import { stripVTControlCharacters } from "node:util";

const visibleWidth = (cell: string) => stripVTControlCharacters(cell).length;

/** Aligns rows into columns two spaces apart; `rightAligned` marks numeric columns by index. */
export function renderTable(
  rows: readonly string[][],
  rightAligned: ReadonlySet<number> = new Set(),
): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, visibleWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, column) => {
          const padding = " ".repeat((widths[column] ?? 0) - visibleWidth(cell));
          return rightAligned.has(column) ? padding + cell : cell + padding;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
