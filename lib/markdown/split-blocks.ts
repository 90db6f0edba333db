import { Lexer } from "marked";
import { splitCodeRegions } from "./code-regions";
import { scanMath } from "./math-scanner";
import { isTooDeeplyNested } from "./nesting-depth";

/**
 * Splits markdown into top-level blocks (marked's block tokens) so that finished blocks can be memoised
 * while the stream only changes the last one. `blocks.join("") === text` always holds.
 *
 * marked knows nothing of maths, so a display formula spanning blank lines arrives in pieces; pieces are
 * glued back until the formula closes. Blank-line tokens join the block before them.
 */
export function splitBlocks(text: string): string[] {
  // Lexing such text could take seconds or overflow the stack: its deeply nested paragraphs are kept whole
  // (MarkdownBlock shows them as plain text) and the rest is split as usual.
  if (isTooDeeplyNested(text)) {
    return paragraphs(text).flatMap((piece) => (isTooDeeplyNested(piece) ? [piece] : splitBlocks(piece)));
  }
  const blocks: string[] = [];
  // Block tokens only: lex() would also tokenise every paragraph's inline content, which is thrown away here.
  for (const { raw } of new Lexer({ gfm: true }).blockTokens(text)) {
    const last = blocks.at(-1);
    if (last !== undefined && (raw.trim() === "" || hasUnclosedDisplayMath(last))) {
      blocks[blocks.length - 1] = last + raw;
    } else {
      blocks.push(raw);
    }
  }
  // marked rewrites some input (e.g. "- " → "-\n", CR); losing memoisation beats rendering altered text.
  return blocks.join("") === text ? blocks : [text];
}

/** `text` cut after each blank line outside code. */
function paragraphs(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const region of splitCodeRegions(text)) {
    if (region.isCode) continue;
    const blankLine = /\n[ \t]*\n/g;
    blankLine.lastIndex = region.start;
    for (
      let match = blankLine.exec(text);
      match && blankLine.lastIndex <= region.end;
      match = blankLine.exec(text)
    ) {
      pieces.push(text.slice(start, blankLine.lastIndex));
      start = blankLine.lastIndex;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

function hasUnclosedDisplayMath(block: string): boolean {
  for (const region of splitCodeRegions(block)) {
    if (region.isCode) continue;
    for (const span of scanMath(block, region)) {
      if (span.kind === "unclosed" && (span.opener === "$$" || span.opener === "\\[")) return true;
    }
  }
  return false;
}
