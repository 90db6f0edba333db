"use client";

import { type FocusEvent, type KeyboardEvent, useEffect, useId, useRef, useSyncExternalStore } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { SettingsPanel } from "./settings-panel";

/**
 * Whether the popover is open, kept outside the component: the chat's header is mounted anew when the chat
 * engine replaces the server-rendered placeholder, and a menu opened in that moment must stay open.
 */
const openState = (() => {
  let open = false;
  const listeners = new Set<() => void>();
  return {
    get: () => open,
    getServer: () => false,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: boolean | ((wasOpen: boolean) => boolean)) {
      open = typeof next === "function" ? next(open) : next;
      for (const listener of listeners) listener();
    },
  };
})();

/**
 * A gear button opening the settings as a non-modal popover. Escape closes it and returns focus to the
 * button; a click outside or tabbing away closes it and leaves focus where the reader put it.
 */
export function SettingsMenu() {
  const { t } = useI18n();
  const open = useSyncExternalStore(openState.subscribe, openState.get, openState.getServer);
  const setOpen = openState.set;
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const dialogId = useId();
  const titleId = useId();

  useEffect(() => {
    if (!open) return;
    dialogRef.current?.focus();
    const closeOnOutsidePointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutsidePointer);
    return () => document.removeEventListener("pointerdown", closeOnOutsidePointer);
  }, [open]);

  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    // Handled here: the app's own Escape shortcut (stop generating) must not fire as well.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  };

  const closeWhenFocusLeaves = (event: FocusEvent) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !rootRef.current?.contains(next)) setOpen(false);
  };

  return (
    <div ref={rootRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        data-testid="settings-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        title={t.settings.button}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={closeOnEscape}
        onBlur={closeWhenFocusLeaves}
        className="rounded-md p-1.5 text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-accent dark:text-zinc-400 dark:hover:bg-zinc-800"
      >
        <GearIcon />
        <span className="sr-only">{t.settings.button}</span>
      </button>
      {open && (
        <div
          ref={dialogRef}
          id={dialogId}
          role="dialog"
          aria-labelledby={titleId}
          tabIndex={-1}
          data-testid="settings-dialog"
          onKeyDown={closeOnEscape}
          onBlur={closeWhenFocusLeaves}
          className="absolute right-0 z-20 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-zinc-200 bg-white p-4 shadow-lg outline-none dark:border-zinc-700 dark:bg-zinc-900"
        >
          <SettingsPanel titleId={titleId} />
        </div>
      )}
    </div>
  );
}

function GearIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
    >
      <path
        strokeLinecap="round"
        strokeLinejoin="round"
        d="M10.3 4.3c.4-1.7 3-1.7 3.4 0a1.7 1.7 0 0 0 2.6 1.1c1.5-.9 3.3.8 2.4 2.4a1.7 1.7 0 0 0 1 2.5c1.8.5 1.8 3 0 3.5a1.7 1.7 0 0 0-1 2.5c.9 1.6-.9 3.3-2.4 2.4a1.7 1.7 0 0 0-2.6 1.1c-.4 1.7-3 1.7-3.4 0a1.7 1.7 0 0 0-2.6-1.1c-1.5.9-3.3-.8-2.4-2.4a1.7 1.7 0 0 0-1-2.5c-1.8-.5-1.8-3 0-3.5a1.7 1.7 0 0 0 1-2.5c-.9-1.6.9-3.3 2.4-2.4a1.7 1.7 0 0 0 2.6-1.1Z"
      />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}
