export { extractFinalBoxed } from "./extract-final-boxed";
export { type HeldBackText, holdBackIncompleteMath } from "./hold-back-incomplete-math";
export { normalizeMath } from "./normalize-math";
export { type PreparedBlocks, prepareBlocks } from "./prepare-blocks";
export { splitBlocks } from "./split-blocks";
