/// <reference lib="webworker" />
import { renderWithKatex } from "./katex-cache";
import type { MathRequest, MathResult } from "./typeset-protocol";

/** Typesets the page's formulas off its main thread; see lib/markdown/math-typesetter.ts. */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<MathRequest[]>) => {
  const results: MathResult[] = event.data.map(({ source, display }) => ({
    source,
    display,
    html: renderWithKatex(source, display),
  }));
  scope.postMessage(results);
};
