import { splitCodeRegions } from "./code-regions";
import { scanMath } from "./math-scanner";

export interface HeldBackText {
  /** The text up to the first formula that is still being streamed. */
  text: string;
  /** True when something was cut, so the UI can show a placeholder instead. */
  hasPendingMath: boolean;
}

/**
 * For the streaming tail: cuts everything from the first maths opener (`$$`, `$`, `\[`, `\(`, bare `\boxed{`)
 * whose closer has not arrived yet, so neither raw LaTeX nor a KaTeX error flashes up; once the closer
 * arrives the formula appears whole. Delimiters inside code are ignored.
 */
export function holdBackIncompleteMath(block: string): HeldBackText {
  for (const region of splitCodeRegions(block)) {
    if (region.isCode) continue;
    for (const span of scanMath(block, region)) {
      if (span.kind === "unclosed" && span.pending) {
        return { text: block.slice(0, span.start), hasPendingMath: true };
      }
    }
  }
  return { text: block, hasPendingMath: false };
}
