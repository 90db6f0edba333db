import { splitCodeRegions } from "./code-regions";

/**
 * Deeper than any real answer nests quotes and lists. Parsing cost grows faster than linearly with depth
 * and both markdown parsers recurse per level (thousands of `>` overflow the stack), so text nested
 * deeper is shown as plain text instead of being parsed.
 */
export const MAX_NESTING_DEPTH = 32;

// Quote markers and bullet or ordered list markers at the start of a line, with the indentation around them.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*[ \t]*/;

/**
 * How many containers a line opens: its markers, plus its indentation at two columns a level (a nested
 * list's step). The single space that separates markers ("> > >") is not indentation.
 */
function lineDepth(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? "";
  const markers = prefix.replace(/\d/g, "").replace(/[ \t]/g, "").length;
  const indentation = [...prefix.matchAll(/[ \t]+/g)].reduce(
    (columns, [run]) => columns + run.replace(/\t/g, "    ").length - 1,
    0,
  );
  return markers + Math.floor(indentation / 2);
}

/** Whether any line outside code is nested deeper than MAX_NESTING_DEPTH. */
export function isTooDeeplyNested(text: string): boolean {
  const nextLineStart = (from: number) => {
    const newline = text.indexOf("\n", from);
    return newline === -1 ? -1 : newline + 1;
  };
  for (const region of splitCodeRegions(text)) {
    if (region.isCode) continue;
    // A prose region that begins after inline code begins mid-line.
    const startsLine = region.start === 0 || text[region.start - 1] === "\n";
    for (
      let lineStart = startsLine ? region.start : nextLineStart(region.start);
      lineStart !== -1 && lineStart < region.end;
      lineStart = nextLineStart(lineStart)
    ) {
      const newline = text.indexOf("\n", lineStart);
      const lineEnd = Math.min(newline === -1 ? text.length : newline, region.end);
      if (lineDepth(text.slice(lineStart, lineEnd)) > MAX_NESTING_DEPTH) return true;
    }
  }
  return false;
}
