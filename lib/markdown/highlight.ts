/**
 * Syntax highlighting for fenced code. Loaded with a dynamic `import()` by the code block, so
 * highlight.js stays out of the page's first-load JavaScript until a message actually contains code.
 */
import type { Root } from "hast";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import latex from "highlight.js/lib/languages/latex";
import python from "highlight.js/lib/languages/python";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import { createLowlight } from "lowlight";

// The languages R1 answers are mostly written in; each grammar also brings its usual aliases (py, js, ts, sh, …).
const lowlight = createLowlight({
  bash,
  c,
  cpp,
  go,
  java,
  javascript,
  json,
  latex,
  python,
  rust,
  sql,
  typescript,
});
lowlight.registerAlias({ bash: ["shell", "console"] });

/** Highlighted code as a hast tree of `hljs-*` spans, or null for an unknown or missing language. */
export type Highlighter = (code: string, language: string | undefined) => Root | null;

// No guessing for unlabelled code: highlightAuto runs every grammar over the block, on every streamed update.
export const highlightCode: Highlighter = (code, language) => {
  if (!language || !lowlight.registered(language)) return null;
  return lowlight.highlight(language, code);
};
