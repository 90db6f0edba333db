import { holdBackIncompleteMath } from "./hold-back-incomplete-math";
import { holdBackPartialTableRow } from "./hold-back-partial-table-row";
import { normalizeMath } from "./normalize-math";
import { splitBlocks } from "./split-blocks";

export interface PreparedBlocks {
  /** Top-level markdown blocks with their maths normalised, ready for remark. */
  blocks: string[];
  /** The last block had an unterminated formula cut off (only while streaming). */
  hasPendingMath: boolean;
}

/**
 * Everything the Markdown component does before React: split, normalise, and hold back what the streaming
 * tail cannot show yet (a half-written table row, an unterminated formula).
 */
export type BlockPreparer = (text: string, streaming: boolean) => PreparedBlocks;

/**
 * A preparer for one growing text, such as a streamed answer. Markdown decides where a block ends line by
 * line and never reopens it, so a block followed by at least one complete line of the next block is
 * settled: it is normalised once and kept, and each call re-splits only the rest. (A block followed by
 * just a partial line is not: "2" may yet become "2.", continuing the list above it.) The cost of an
 * update thus depends on the size of the last block or two, not of the whole answer. A text that does not
 * extend the previous one starts over.
 */
export function createBlockPreparer(): BlockPreparer {
  let settledText = "";
  let settledBlocks: string[] = [];
  return (text, streaming) => {
    if (text.length <= settledText.length || !text.startsWith(settledText)) {
      settledText = "";
      settledBlocks = [];
    }
    const lastLineStart = text.lastIndexOf("\n") + 1;
    const pending = splitBlocks(text.slice(settledText.length));
    let settledLength = settledText.length;
    while (pending.length > 1 && settledLength + (pending[0] ?? "").length < lastLineStart) {
      const raw = pending.shift() ?? "";
      settledBlocks.push(normalizeMath(raw));
      settledLength += raw.length;
    }
    settledText = text.slice(0, settledLength);

    const blocks = [...settledBlocks, ...pending.map(normalizeMath)];
    const last = blocks.at(-1);
    if (!streaming || last === undefined) return { blocks, hasPendingMath: false };
    const heldBack = holdBackIncompleteMath(holdBackPartialTableRow(last));
    blocks[blocks.length - 1] = heldBack.text;
    return { blocks, hasPendingMath: heldBack.hasPendingMath };
  };
}

/** Prepares a text from scratch. */
export function prepareBlocks(text: string, streaming: boolean): PreparedBlocks {
  return createBlockPreparer()(text, streaming);
}
