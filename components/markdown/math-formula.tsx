import { memo } from "react";
import { renderMath } from "@/lib/markdown/katex-cache";

/** One formula, typeset by KaTeX through the shared cache, so re-rendering a streamed block costs a lookup. */
export const MathFormula = memo(function MathFormula({
  source,
  display,
}: {
  source: string;
  display: boolean;
}) {
  // KaTeX escapes the source and, with `trust: false` (lib/markdown/katex-cache.ts), refuses
  // \href{javascript:…}, \htmlClass and friends, so its HTML is safe to insert though the model wrote it.
  const html = { __html: renderMath(source, display) };
  return display ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above
    <div className="math-display" dangerouslySetInnerHTML={html} />
  ) : (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output, see above
    <span className="math-inline" dangerouslySetInnerHTML={html} />
  );
});
