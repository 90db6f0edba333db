"use client";

import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

interface PersonaSettingsProps {
  persona: string;
  onChange: (persona: string) => void;
}

/** R1 works best without a system prompt, so the persona travels inside the first question instead. */
export function PersonaSettings({ persona, onChange }: PersonaSettingsProps) {
  const { t } = useI18n();
  const fieldId = useId();
  return (
    <details className="relative text-sm" data-testid="persona-settings">
      <summary className="cursor-pointer select-none whitespace-nowrap rounded-md max-sm:list-none px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
        {persona.trim() ? (
          <>
            <span className="sr-only">{t.persona.buttonWhenSet}</span>
            <span aria-hidden="true">{t.persona.button} ●</span>
          </>
        ) : (
          t.persona.button
        )}
      </summary>
      {/* On a phone the panel spans the screen under the header: hung from the button it would run off it. */}
      <div
        data-testid="persona-panel"
        className="fixed inset-x-2 top-14 z-20 rounded-xl border sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-1 sm:w-80 border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
      >
        <label htmlFor={fieldId} className="font-medium">
          {t.persona.fieldLabel}
        </label>
        <p className="mt-0.5 text-xs text-zinc-500">{t.persona.help}</p>
        <textarea
          id={fieldId}
          data-testid="persona-input"
          value={persona}
          onChange={(event) => onChange(event.target.value)}
          maxLength={4000}
          rows={4}
          placeholder={t.persona.placeholder}
          className="mt-2 w-full resize-y rounded-md border border-zinc-300 bg-transparent p-2 dark:border-zinc-700"
        />
      </div>
    </details>
  );
}
