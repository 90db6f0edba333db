const BOXED_OPENER = /\\boxed\s*\{/y;

/** Length of a `\boxed{` opener starting at `index`, or 0 when there is none. */
export function boxedOpenerLength(text: string, index: number): number {
  BOXED_OPENER.lastIndex = index;
  return BOXED_OPENER.exec(text)?.[0].length ?? 0;
}

/**
 * Index of the `}` balancing the `{` just before `from`, searching up to `end`; -1 if the group is
 * unbalanced (typically still streaming). `\{` and `\}` are literal braces in LaTeX, so escapes are skipped.
 */
export function findClosingBrace(text: string, from: number, end = text.length): number {
  let depth = 1;
  for (let i = from; i < end; i++) {
    const char = text[i];
    if (char === "\\") i++;
    else if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return i;
  }
  return -1;
}
