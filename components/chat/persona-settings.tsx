"use client";

import { useId } from "react";

interface PersonaSettingsProps {
  persona: string;
  onChange: (persona: string) => void;
}

/** R1 works best without a system prompt, so the persona travels inside the first question instead. */
export function PersonaSettings({ persona, onChange }: PersonaSettingsProps) {
  const fieldId = useId();
  return (
    <details className="relative text-sm" data-testid="persona-settings">
      <summary className="cursor-pointer select-none rounded-md px-2 py-1 text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800">
        Persona{persona.trim() ? " ●" : ""}
      </summary>
      <div className="absolute right-0 z-10 mt-1 w-80 rounded-xl border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <label htmlFor={fieldId} className="font-medium">
          Instructions for the model
        </label>
        <p className="mt-0.5 text-xs text-zinc-500">
          Sent at the start of your first question, as DeepSeek recommends for R1 (no system prompt).
        </p>
        <textarea
          id={fieldId}
          data-testid="persona-input"
          value={persona}
          onChange={(event) => onChange(event.target.value)}
          maxLength={4000}
          rows={4}
          placeholder="e.g. You are a patient maths tutor for secondary-school students."
          className="mt-2 w-full resize-y rounded-md border border-zinc-300 bg-transparent p-2 dark:border-zinc-700"
        />
      </div>
    </details>
  );
}
