"use client";

import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { applyTheme } from "@/components/theme/apply-theme";
import { type ClientSettings, DEFAULT_SETTINGS } from "@/lib/settings/defaults";
import { createSettingsStore, type SettingsStore } from "@/lib/settings/settings-store";

const SettingsContext = createContext<SettingsStore | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createBrowserSettingsStore);
  // The inline theme script set the theme before the first paint; from then on, follow every change,
  // whether made here or in another tab.
  useEffect(() => store.subscribe(() => applyTheme(store.get().theme)), [store]);
  return <SettingsContext value={store}>{children}</SettingsContext>;
}

/** The reader's settings. The server and the hydrating render see the defaults, then the stored values. */
export function useSettings(): { settings: ClientSettings; update: SettingsStore["update"] } {
  const store = useContext(SettingsContext);
  if (!store)
    throw new Error("useSettings() needs a <SettingsProvider> above it (app/layout.tsx renders one).");
  const settings = useSyncExternalStore(store.subscribe, store.get, serverSettings);
  return { settings, update: store.update };
}

const serverSettings = () => DEFAULT_SETTINGS;

function createBrowserSettingsStore(): SettingsStore {
  if (typeof window === "undefined") return createSettingsStore();
  try {
    return createSettingsStore(window.localStorage, window);
  } catch {
    // Reading `window.localStorage` throws when the browser blocks site storage.
    return createSettingsStore();
  }
}
