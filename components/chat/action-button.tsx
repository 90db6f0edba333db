"use client";

import type { ComponentProps } from "react";

/** A small, quiet text button beside a message: copy, regenerate, timing… */
export function ActionButton(props: Omit<ComponentProps<"button">, "type" | "className">) {
  return (
    <button
      type="button"
      className="rounded-md px-2 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-accent dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
      {...props}
    />
  );
}
