export { extractFinalBoxed } from "./extract-final-boxed";
export { type HeldBackText, holdBackIncompleteMath } from "./hold-back-incomplete-math";
export { holdBackPartialTableRow } from "./hold-back-partial-table-row";
export { renderMath } from "./katex-cache";
export { normalizeMath } from "./normalize-math";
export {
  type BlockPreparer,
  createBlockPreparer,
  type PreparedBlocks,
  prepareBlocks,
} from "./prepare-blocks";
export { safeLinkUrl } from "./safe-url";
export { splitBlocks } from "./split-blocks";
