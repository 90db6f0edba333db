"use client";

import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SmoothMarkdown } from "./smooth-markdown";

interface ReasoningBlockProps {
  text: string;
  /** True while reasoning tokens are still arriving. */
  thinking: boolean;
  /** The BFF's measurement, once the message is complete. */
  durationMs?: number;
}

export function ReasoningBlock({ text, thinking, durationMs }: ReasoningBlockProps) {
  const { t } = useI18n();
  const elapsedMs = useElapsedWhile(thinking);
  const [open, setOpen] = useState(thinking);

  // Open while the model thinks so a long silence never looks like a hang; fold once the answer starts.
  useEffect(() => setOpen(thinking), [thinking]);

  const seconds = ((thinking ? elapsedMs : (durationMs ?? elapsedMs)) / 1000).toFixed(1);
  return (
    <details
      data-testid="reasoning"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group rounded-xl border border-zinc-200 bg-zinc-50 text-sm dark:border-zinc-800 dark:bg-zinc-900/60"
    >
      <summary className="cursor-pointer select-none px-3 py-2 text-zinc-600 dark:text-zinc-400">
        {thinking ? (
          <span>
            <span className="motion-safe:animate-pulse">{t.reasoning.thinking}</span>{" "}
            {t.reasoning.elapsed(seconds)}
          </span>
        ) : (
          <span data-testid="reasoning-duration">{t.reasoning.thoughtFor(seconds)}</span>
        )}
      </summary>
      <div className="border-zinc-200 border-t px-3 py-2 dark:border-zinc-800">
        <SmoothMarkdown text={text} streaming={thinking} variant="reasoning" />
      </div>
    </details>
  );
}

/** Milliseconds since the component started thinking, ticking while `active`, frozen after. */
function useElapsedWhile(active: boolean): number {
  const [startedAt] = useState(() => performance.now());
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return;
    const tick = () => setElapsed(performance.now() - startedAt);
    tick();
    const timer = setInterval(tick, 100);
    return () => {
      clearInterval(timer);
      tick();
    };
  }, [active, startedAt]);
  return elapsed;
}
