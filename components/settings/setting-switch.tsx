"use client";

import { useId } from "react";

interface SettingSwitchProps {
  label: string;
  description: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off setting: a checkbox announced as a switch, with its explanation as its description. */
export function SettingSwitch({ label, description, checked, onChange }: SettingSwitchProps) {
  const inputId = useId();
  const descriptionId = useId();
  return (
    <div className="flex items-start justify-between gap-3">
      <div>
        <label htmlFor={inputId} className="font-medium">
          {label}
        </label>
        <p id={descriptionId} className="text-xs text-zinc-500">
          {description}
        </p>
      </div>
      {/* The real checkbox lies invisibly over the drawn track, so a click or tap on the track toggles it. */}
      <span className="relative mt-0.5 inline-flex h-5 w-9 shrink-0">
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          checked={checked}
          aria-checked={checked}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={descriptionId}
          className="peer absolute inset-0 z-10 cursor-pointer opacity-0"
        />
        <span
          aria-hidden="true"
          className="size-full rounded-full bg-zinc-300 peer-checked:bg-accent peer-focus-visible:outline-2 peer-focus-visible:outline-accent peer-focus-visible:outline-offset-2 motion-safe:transition-colors dark:bg-zinc-600"
        />
        <span
          aria-hidden="true"
          className="pointer-events-none absolute top-0.5 left-0.5 size-4 rounded-full bg-white shadow peer-checked:translate-x-4 motion-safe:transition-transform"
        />
      </span>
    </div>
  );
}
