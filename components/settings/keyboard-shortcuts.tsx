"use client";

import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { Messages } from "@/lib/i18n/messages";

const SHORTCUTS: readonly { keys: readonly string[]; action: keyof Omit<Messages["shortcuts"], "title"> }[] =
  [
    { keys: ["Ctrl / ⌘", "Shift", "O"], action: "newChat" },
    { keys: ["Shift", "Esc"], action: "focusComposer" },
    { keys: ["Esc"], action: "stop" },
    { keys: ["Ctrl / ⌘", "Shift", "L"], action: "latency" },
  ];

/** The app's keyboard shortcuts, listed for reference. */
export function KeyboardShortcuts() {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-1 font-medium">
        {t.shortcuts.title}
      </h3>
      <dl className="space-y-1 text-xs">
        {SHORTCUTS.map(({ keys, action }) => (
          <div key={action} className="flex items-center justify-between gap-3">
            <dt className="text-zinc-600 dark:text-zinc-400">{t.shortcuts[action]}</dt>
            <dd className="flex shrink-0 gap-1">
              {keys.map((key) => (
                <kbd
                  key={key}
                  className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-sans text-[0.7rem] dark:border-zinc-700 dark:bg-zinc-800"
                >
                  {key}
                </kbd>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
