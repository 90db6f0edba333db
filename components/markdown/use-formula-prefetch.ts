import { useEffect, useRef } from "react";
import type { createFormulaFinder } from "@/lib/markdown/find-formulas";
import { typesetMath } from "@/lib/markdown/math-typesetter";

type FormulaFinder = ReturnType<typeof createFormulaFinder>;

let loadingFinder: Promise<typeof createFormulaFinder> | undefined;

/** Loaded with the renderer, whose modules it shares (lazy-markdown.tsx), not with the page. */
function loadFormulaFinder(): Promise<typeof createFormulaFinder> {
  loadingFinder ??= import("@/lib/markdown/find-formulas").then(
    (module) => module.createFormulaFinder,
    (error: unknown) => {
      loadingFinder = undefined;
      throw error;
    },
  );
  return loadingFinder;
}

/**
 * While `enabled`, has the formulas of `text` typeset as soon as they arrive, ahead of smooth text showing
 * them (see lib/markdown/find-formulas.ts): each then appears typeset in the render that shows it.
 */
export function useFormulaPrefetch(text: string, enabled: boolean): void {
  const finder = useRef<FormulaFinder | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    loadFormulaFinder().then(
      (create) => {
        if (!current) return;
        finder.current ??= create();
        for (const { source, display } of finder.current(text)) typesetMath(source, display);
      },
      // Without the finder, formulas are typeset as they show, as they are when smooth text is off.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [text, enabled]);
}
