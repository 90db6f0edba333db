/** Turns a formula's TeX source into HTML; `displayMode` for block maths. */
export type MathRenderer = (source: string, displayMode: boolean) => string;

/** Enough for every formula of a long conversation; an entry is a few kilobytes of HTML. */
export const KATEX_CACHE_CAPACITY = 500;

/** A formula for the KaTeX worker to typeset (lib/markdown/katex-worker.ts), and what it sends back. */
export interface MathRequest {
  source: string;
  display: boolean;
}
export interface MathResult extends MathRequest {
  html: string;
}

/** Where typeset formulas are cached: by mode and source. */
export function mathKey(source: string, display: boolean): string {
  return (display ? "display:" : "inline:") + source;
}
