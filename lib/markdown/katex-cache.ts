import katex from "katex";
import { LruCache } from "./lru-cache";
import { KATEX_CACHE_CAPACITY, type MathRenderer, mathKey } from "./typeset-protocol";

const KATEX_OPTIONS = {
  throwOnError: false,
  strict: false,
  output: "htmlAndMathml",
  // The model writes these formulas, so nothing in them is trusted: no \href, \url, \includegraphics or
  // \html* (they show as error text), sizes such as \rule{1e5em}{1e5em} capped, and macro expansion
  // (\def recursion) stopped after a bound rather than running away.
  trust: false,
  maxSize: 20,
  maxExpand: 1000,
  // An invalid formula comes back as its source in a `.katex-error` span; markdown.css shows it like code
  // instead of in KaTeX's alarming red, since model maths is often slightly off and the source still reads.
  errorColor: "inherit",
} as const;

export const renderWithKatex: MathRenderer = (source, displayMode) => {
  try {
    return katex.renderToString(source, { ...KATEX_OPTIONS, displayMode });
  } catch {
    // throwOnError only covers parse errors; anything else KaTeX throws still must not break the answer.
    return `<span class="katex-error">${escapeHtml(source)}</span>`;
  }
};

/**
 * Wraps `render` in an LRU cache keyed by mode and source. A streamed answer re-renders its last block
 * every few dozen milliseconds, and R1 repeats the same formulas, so most calls are hits.
 */
export function createKatexCache(
  capacity = KATEX_CACHE_CAPACITY,
  render: MathRenderer = renderWithKatex,
): MathRenderer {
  const cache = new LruCache<string, string>(capacity);
  return (source, displayMode) => {
    const key = mathKey(source, displayMode);
    let html = cache.get(key);
    if (html === undefined) {
      html = render(source, displayMode);
      cache.set(key, html);
    }
    return html;
  };
}

/** The cache the server's pages share (the chat's messages go through lib/markdown/math-typesetter.ts). */
export const renderMath: MathRenderer = createKatexCache();

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
