import { holdBackIncompleteMath } from "./hold-back-incomplete-math";
import { normalizeMath } from "./normalize-math";
import { splitBlocks } from "./split-blocks";

export interface PreparedBlocks {
  blocks: string[];
  /** The last block had an unterminated formula cut off (only while streaming). */
  hasPendingMath: boolean;
}

/** Everything the Markdown component does before React: normalise, split, and hold back the streaming tail. */
export function prepareBlocks(text: string, streaming: boolean): PreparedBlocks {
  const blocks = splitBlocks(normalizeMath(text));
  const tail = blocks.at(-1);
  if (!streaming || tail === undefined) return { blocks, hasPendingMath: false };
  const heldBack = holdBackIncompleteMath(tail);
  blocks[blocks.length - 1] = heldBack.text;
  return { blocks, hasPendingMath: heldBack.hasPendingMath };
}
