import { splitCodeRegions } from "./code-regions";

// A line that starts a pipe-table row, possibly inside blockquotes.
const TABLE_ROW = /^[ \t]*(?:>[ \t]*)*\|/;

/**
 * For the streaming tail: cuts a table row that is still being written, so the table grows a whole row at
 * a time. Each change to a table lays out every cell again (column widths depend on all of them), so this
 * keeps a streamed table from being re-laid out on every token, and rows never show half their cells.
 * Rows inside code blocks are left alone.
 */
export function holdBackPartialTableRow(block: string): string {
  const lineStart = block.lastIndexOf("\n") + 1;
  if (lineStart === block.length || !TABLE_ROW.test(block.slice(lineStart))) return block;
  const inCode = splitCodeRegions(block).some(
    (region) => region.isCode && region.start <= lineStart && lineStart < region.end,
  );
  return inCode ? block : block.slice(0, lineStart);
}
