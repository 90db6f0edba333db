import { runLength, startsBlankLine, type TextRegion } from "./code-regions";
import { boxedOpenerLength, findClosingBrace } from "./latex";

export type MathOpener = "$" | "$$" | "\\(" | "\\[" | "\\boxed";

/** Something found while scanning prose, as the half-open range `[start, end)` of the source text. */
export type MathSpan =
  | { kind: "inline" | "display"; opener: MathOpener; start: number; end: number; content: string }
  /** `\boxed{…}` outside any maths delimiter. */
  | { kind: "bare-boxed"; start: number; end: number }
  /** A `$` that is money (`$5`), not the start of a formula. */
  | { kind: "currency"; start: number; end: number }
  /**
   * An opener with no closer. `pending` means the closer could still arrive at the end of the text
   * (display maths may span paragraphs; inline maths may not), so a streaming UI should wait for it.
   */
  | { kind: "unclosed"; opener: MathOpener; start: number; end: number; pending: boolean };

/**
 * Finds maths in one prose region of `text` (see splitCodeRegions), left to right, roughly the way
 * remark-math will read it after normalisation. Closers are searched within the region only.
 */
export function* scanMath(text: string, region: TextRegion): Generator<MathSpan> {
  const { end } = region;
  let i = region.start;
  while (i < end) {
    const span =
      text[i] === "\\" ? scanBackslash(text, i, end) : text[i] === "$" ? scanDollars(text, i, end) : null;
    if (span) {
      yield span;
      i = span.end;
    } else {
      // Any other backslash escapes the next character (`\$`, `\\`), so both are skipped.
      i += text[i] === "\\" ? 2 : 1;
    }
  }
}

function scanBackslash(text: string, start: number, end: number): MathSpan | null {
  const next = text[start + 1];
  if (next === "(" || next === "[") {
    const opener = next === "(" ? "\\(" : "\\[";
    const closer = next === "(" ? ")" : "]";
    const inline = next === "(";
    const close = findBackslashCloser(text, start + 2, end, closer, inline);
    if (close === -1) return unclosed(text, opener, start, end);
    const content = text.slice(start + 2, close);
    return { kind: inline ? "inline" : "display", opener, start, end: close + 2, content };
  }
  const openerLength = boxedOpenerLength(text, start);
  if (openerLength === 0) return null;
  const close = findClosingBrace(text, start + openerLength, end);
  if (close === -1) return unclosed(text, "\\boxed", start, end);
  return { kind: "bare-boxed", start, end: close + 1 };
}

function scanDollars(text: string, start: number, end: number): MathSpan | null {
  const run = runLength(text, start, "$", end);
  if (run === 2) {
    const close = findDollarCloser(text, start + 2, end, 2);
    if (close === -1) return unclosed(text, "$$", start, end);
    return { kind: "display", opener: "$$", start, end: close + 2, content: text.slice(start + 2, close) };
  }
  if (run !== 1) return null;
  const close = findDollarCloser(text, start + 1, end, 1);
  if (isDigit(text[start + 1]) && !(close !== -1 && looksLikeFormula(text, close))) {
    return { kind: "currency", start, end: start + 1 };
  }
  if (close === -1) return unclosed(text, "$", start, end);
  return { kind: "inline", opener: "$", start, end: close + 1, content: text.slice(start + 1, close) };
}

/**
 * Pandoc's rule for `$…$`: the closing `$` must follow a non-space and must not precede a digit.
 * It tells "$3 + 4 = 7$" (maths) from "costs $3.50 and $4" (money) without guessing at units.
 */
function looksLikeFormula(text: string, close: number): boolean {
  return !/\s/.test(text[close - 1] ?? "") && !isDigit(text[close + 1]);
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

/** The next unescaped run of exactly `length` dollars; inline maths cannot cross a paragraph break. */
function findDollarCloser(text: string, from: number, end: number, length: 1 | 2): number {
  for (let i = from; i < end; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "\n" && length === 1 && startsBlankLine(text, i)) return -1;
    else if (char === "$") {
      const run = runLength(text, i, "$", end);
      if (run === length) return i;
      i += run - 1;
    }
  }
  return -1;
}

function findBackslashCloser(text: string, from: number, end: number, closer: string, inline: boolean) {
  for (let i = from; i < end; i++) {
    const char = text[i];
    if (char === "\\") {
      if (text[i + 1] === closer) return i;
      i++;
    } else if (char === "\n" && inline && startsBlankLine(text, i)) return -1;
  }
  return -1;
}

function unclosed(text: string, opener: MathOpener, start: number, end: number): MathSpan {
  const isInline = opener === "$" || opener === "\\(";
  const pending = !isInline || !hasParagraphBreak(text, start, end);
  return { kind: "unclosed", opener, start, end: start + opener.length, pending };
}

function hasParagraphBreak(text: string, from: number, end: number): boolean {
  for (let i = text.indexOf("\n", from); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) {
    if (startsBlankLine(text, i)) return true;
  }
  return false;
}
