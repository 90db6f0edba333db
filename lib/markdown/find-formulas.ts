import { splitCodeRegions } from "./code-regions";
import { scanMath } from "./math-scanner";
import { createBlockPreparer } from "./prepare-blocks";
import type { MathRequest } from "./typeset-protocol";

/** Blocks at the end of a growing text that the next update may still change (see prepare-blocks.ts). */
const UNSETTLED_BLOCKS = 2;

/**
 * Finds the complete formulas of a growing text, keyed as the markdown renderer will ask for them
 * (`MathFormula`'s source and mode). Smooth text shows what has arrived a little later, so the formulas of
 * the part not shown yet can be typeset ahead: a formula then appears typeset with the text that closes it,
 * in the same render, instead of as a placeholder and, a frame later, a second render and layout of the
 * page. Each call scans only the blocks that are new or may still have changed, so it may return a formula
 * again; a text that does not extend the previous one starts over.
 */
export function createFormulaFinder(): (text: string) => MathRequest[] {
  const prepare = createBlockPreparer();
  let previousText = "";
  let scannedBlocks = 0;
  return (text) => {
    if (!text.startsWith(previousText)) scannedBlocks = 0;
    previousText = text;
    // As while streaming: an unterminated formula at the end is held back, not typeset half-written.
    const { blocks } = prepare(text, true);
    const formulas = blocks.slice(scannedBlocks).flatMap(formulasOf);
    scannedBlocks = Math.max(0, blocks.length - UNSETTLED_BLOCKS);
    return formulas;
  };
}

/**
 * The formulas of one normalised block (see normalizeMath): inline maths is `$…$` with its source trimmed,
 * display maths a `$$` fence on lines of its own, indented as the container it sits in, whose indentation
 * the markdown parser strips from each of its lines.
 */
function formulasOf(block: string): MathRequest[] {
  const formulas: MathRequest[] = [];
  for (const region of splitCodeRegions(block)) {
    if (region.isCode) continue;
    for (const span of scanMath(block, region)) {
      if (span.kind === "inline") formulas.push({ source: span.content, display: false });
      else if (span.kind === "display") formulas.push({ source: fencedSource(span.content), display: true });
    }
  }
  return formulas;
}

function fencedSource(content: string): string {
  const indent = content.slice(content.lastIndexOf("\n") + 1);
  return content
    .slice(1, content.length - indent.length - 1)
    .split("\n")
    .map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    .join("\n");
}
