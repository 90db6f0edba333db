import { memo, useCallback, useRef, useSyncExternalStore } from "react";
import { subscribeToMath, typesetMath } from "@/lib/markdown/math-typesetter";
import { mathKey } from "@/lib/markdown/typeset-protocol";
import { PendingMath } from "./pending-math";

const noSubscription = () => () => {};

/** True while React hydrates server HTML (and on the server), false for renders in the browser. */
const useHydrating = () =>
  useSyncExternalStore(
    noSubscription,
    () => false,
    () => true,
  );

/** Stands for "keep the HTML the server sent", which the browser never typesets again. */
const SERVER_HTML = null;

/**
 * One formula, typeset by KaTeX (in a worker in the browser, see lib/markdown/math-typesetter.ts) through a
 * shared cache, so re-rendering a streamed block costs a lookup. Until the worker answers, a placeholder.
 * On the server it relies on KaTeX being installed in place first, which loading the renderer does
 * (lazy-markdown.tsx): hydration keeps whatever the server sent.
 */
export const MathFormula = memo(function MathFormula({
  source,
  display,
}: {
  source: string;
  display: boolean;
}) {
  const hydrating = useHydrating();
  const hydratedSource = useRef(hydrating ? source : undefined);
  const keepsServerHtml = typeof window !== "undefined" && hydratedSource.current === source;
  const subscribe = useCallback(
    (listener: () => void) => subscribeToMath(mathKey(source, display), listener),
    [source, display],
  );
  const html = useSyncExternalStore(
    subscribe,
    () => (keepsServerHtml ? SERVER_HTML : typesetMath(source, display)),
    () => (typeof window === "undefined" ? typesetMath(source, display) : SERVER_HTML),
  );
  if (html === undefined) return <PendingMath display={display} state="typesetting" />;
  // KaTeX escapes the source and, with `trust: false` (lib/markdown/katex-cache.ts), refuses
  // \href{javascript:…}, \htmlClass and friends, so its HTML is safe to insert though the model wrote it.
  // Hydration keeps the server's HTML whatever the client passes here (React does not compare it).
  const inner = { __html: html ?? "" };
  return display ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above
    <div className="math-display" dangerouslySetInnerHTML={inner} suppressHydrationWarning />
  ) : (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above
    <span className="math-inline" dangerouslySetInnerHTML={inner} suppressHydrationWarning />
  );
});
