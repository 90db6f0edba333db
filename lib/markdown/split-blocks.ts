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
  // Such text is shown as plain text (see MarkdownBlock); lexing it could take seconds or overflow the stack.
  if (isTooDeeplyNested(text)) return [text];
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

function hasUnclosedDisplayMath(block: string): boolean {
  for (const region of splitCodeRegions(block)) {
    if (region.isCode) continue;
    for (const span of scanMath(block, region)) {
      if (span.kind === "unclosed" && (span.opener === "$$" || span.opener === "\\[")) return true;
    }
  }
  return false;
}
