"use client";

import { type ReactNode, useId } from "react";

export interface Choice<Value extends string> {
  value: Value;
  label: ReactNode;
  /** Language of the label when it differs from the page's, so screen readers pronounce it right. */
  lang?: string;
}

interface SegmentedChoiceProps<Value extends string> {
  legend: string;
  choices: readonly Choice<Value>[];
  value: Value;
  onChange: (value: Value) => void;
}

/** A radio group drawn as a segmented control: arrow keys move between options, as in any radio group. */
export function SegmentedChoice<Value extends string>({
  legend,
  choices,
  value,
  onChange,
}: SegmentedChoiceProps<Value>) {
  const name = useId();
  return (
    <fieldset>
      <legend className="mb-1 font-medium">{legend}</legend>
      <div className="grid auto-cols-fr grid-flow-col gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
        {choices.map((choice) => (
          <label
            key={choice.value}
            lang={choice.lang}
            className="cursor-pointer rounded-md px-2 py-1 text-center text-zinc-600 has-checked:bg-white has-checked:font-medium has-checked:text-zinc-900 has-checked:shadow-sm has-focus-visible:ring-2 has-focus-visible:ring-accent dark:text-zinc-400 dark:has-checked:bg-zinc-950 dark:has-checked:text-zinc-100"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onChange(choice.value)}
              className="sr-only"
            />
            {choice.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
