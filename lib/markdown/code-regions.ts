/** A slice `[start, end)` of a markdown string; code regions must reach the renderer byte-for-byte. */
export interface TextRegion {
  start: number;
  end: number;
  isCode: boolean;
}

// Fences may sit inside blockquotes or (deeply) indented list items, so any `>`/whitespace prefix is accepted.
const OPENING_FENCE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})([^\n]*)$/;
const CLOSING_FENCE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
const BLANK_LINE = /\n[ \t]*(?:\n|$)/y;

/**
 * Splits `text` into alternating prose and code regions (fenced blocks and inline code spans),
 * covering the whole string in order. An unclosed fence runs to the end, as in CommonMark,
 * which is also what a half-streamed code block needs.
 */
export function splitCodeRegions(text: string): TextRegion[] {
  const regions: TextRegion[] = [];
  let proseStart = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const lineEnd = endOfLine(text, lineStart);
    const fence = OPENING_FENCE.exec(text.slice(lineStart, lineEnd));
    const marker = fence?.[1];
    // A backtick fence's info string may not contain backticks (CommonMark), e.g. "```js```" is inline code.
    if (!marker || (marker[0] === "`" && fence[2]?.includes("`"))) {
      lineStart = lineEnd + 1;
      continue;
    }
    const fenceEnd = findFenceEnd(text, lineEnd + 1, marker);
    pushProseAndInlineCode(regions, text, proseStart, lineStart);
    regions.push({ start: lineStart, end: fenceEnd, isCode: true });
    proseStart = fenceEnd;
    lineStart = fenceEnd + 1;
  }
  pushProseAndInlineCode(regions, text, proseStart, text.length);
  return regions;
}

function endOfLine(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline === -1 ? text.length : newline;
}

function findFenceEnd(text: string, from: number, openingMarker: string): number {
  for (let lineStart = from; lineStart < text.length; ) {
    const lineEnd = endOfLine(text, lineStart);
    const marker = CLOSING_FENCE.exec(text.slice(lineStart, lineEnd))?.[1];
    if (marker && marker[0] === openingMarker[0] && marker.length >= openingMarker.length) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return text.length;
}

function pushProseAndInlineCode(regions: TextRegion[], text: string, start: number, end: number): void {
  let proseStart = start;
  let cursor = start;
  while (cursor < end) {
    const tick = text.indexOf("`", cursor);
    if (tick === -1 || tick >= end) break;
    const run = runLength(text, tick, "`", end);
    const closing = isEscaped(text, tick) ? -1 : findClosingBacktickRun(text, tick + run, end, run);
    if (closing === -1) {
      cursor = tick + run;
      continue;
    }
    pushRegion(regions, proseStart, tick, false);
    pushRegion(regions, tick, closing + run, true);
    proseStart = closing + run;
    cursor = proseStart;
  }
  pushRegion(regions, proseStart, end, false);
}

/** A code span closes on a backtick run of exactly the same length, within the same paragraph. */
function findClosingBacktickRun(text: string, from: number, end: number, length: number): number {
  for (let i = from; i < end; i++) {
    if (text[i] === "\n" && startsBlankLine(text, i)) return -1;
    if (text[i] !== "`") continue;
    const run = runLength(text, i, "`", end);
    if (run === length) return i;
    i += run - 1;
  }
  return -1;
}

function pushRegion(regions: TextRegion[], start: number, end: number, isCode: boolean): void {
  if (end > start) regions.push({ start, end, isCode });
}

/** Whether the newline at `index` is followed by a blank line, i.e. ends a paragraph. */
export function startsBlankLine(text: string, index: number): boolean {
  BLANK_LINE.lastIndex = index;
  return BLANK_LINE.test(text);
}

export function runLength(text: string, from: number, char: string, end: number): number {
  let i = from;
  while (i < end && text[i] === char) i++;
  return i - from;
}

/** Whether the character at `index` is backslash-escaped (preceded by an odd number of backslashes). */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 1;
}
