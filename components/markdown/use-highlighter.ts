"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { Highlighter } from "@/lib/markdown/highlight";

let loaded: Highlighter | null = null;
let requested = false;
const listeners = new Set<() => void>();

function load(): void {
  if (requested) return;
  requested = true;
  import("@/lib/markdown/highlight").then(
    (module) => {
      // Evaluating the grammars takes tens of milliseconds on a slow machine; re-rendering every code block
      // with them waits for a task of its own, so the two never add up to one long task.
      setTimeout(() => {
        loaded = module.highlightCode;
        for (const listener of listeners) listener();
      });
    },
    () => {
      // Plain code is a fine fallback (e.g. the chunk failed to download); let the next code block retry.
      requested = false;
    },
  );
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The syntax highlighter, or null until its chunk has loaded. The first caller starts the download,
 * so pages without code never fetch it; every mounted code block re-renders once it arrives.
 */
export function useHighlighter(): Highlighter | null {
  useEffect(load, []);
  return useSyncExternalStore(
    subscribe,
    () => loaded,
    () => null,
  );
}
