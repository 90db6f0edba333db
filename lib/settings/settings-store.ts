import type { ClientSettings } from "./schema";
import { DEFAULT_SETTINGS } from "./schema";
import { readSettings, SETTINGS_STORAGE_KEY, writeSettings } from "./storage";

export interface SettingsStore {
  get(): ClientSettings;
  update(patch: Partial<ClientSettings>): void;
  /** Calls `listener` after every change, made in this tab or, through the `storage` event, in another. */
  subscribe(listener: () => void): () => void;
}

type StorageEventSource = Pick<Window, "addEventListener" | "removeEventListener">;

/**
 * Settings backed by `storage`, shaped for React's useSyncExternalStore: `get` returns the same object
 * until something changes. Without storage (server rendering) the store holds the defaults in memory.
 */
export function createSettingsStore(storage?: Storage, events?: StorageEventSource): SettingsStore {
  let current = storage ? readSettings(storage) : DEFAULT_SETTINGS;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  // `key` is null when another tab cleared the whole storage.
  const onStorage = (event: StorageEvent) => {
    if (!storage || event.storageArea !== storage) return;
    if (event.key !== null && event.key !== SETTINGS_STORAGE_KEY) return;
    current = readSettings(storage);
    notify();
  };

  return {
    get: () => current,
    update(patch) {
      current = { ...current, ...patch };
      if (storage) writeSettings(storage, current);
      notify();
    },
    subscribe(listener) {
      if (listeners.size === 0) events?.addEventListener("storage", onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) events?.removeEventListener("storage", onStorage);
      };
    },
  };
}
