import { type ClientSettings, DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from "./defaults";

export interface SettingsStore {
  get(): ClientSettings;
  update(patch: Partial<ClientSettings>): void;
  /** Calls `listener` after every change, made in this tab or, through the `storage` event, in another. */
  subscribe(listener: () => void): () => void;
  /** Settles once the stored settings have been read and validated. */
  loaded: Promise<void>;
}

type StorageEventSource = Pick<Window, "addEventListener" | "removeEventListener">;
type StoredSettingsAccess = Pick<typeof import("./storage"), "readSettings" | "writeSettings">;

/**
 * Settings backed by `storage`, shaped for React's useSyncExternalStore: `get` returns the same object
 * until something changes. Without storage (server rendering) the store holds the defaults in memory.
 *
 * The validator of the stored entry is not needed for the first paint (the server and the hydrating render
 * use the defaults, and the inline theme script has applied the theme), so it loads on demand; until then
 * the store holds the defaults, and changes made meanwhile are applied over the stored settings once read.
 */
export function createSettingsStore(
  storage?: Storage,
  events?: StorageEventSource,
  loadStorage: () => Promise<StoredSettingsAccess> = () => import("./storage"),
): SettingsStore {
  let current = DEFAULT_SETTINGS;
  let access: StoredSettingsAccess | undefined;
  let pending: Partial<ClientSettings> | undefined;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  // `key` is null when another tab cleared the whole storage.
  const onStorage = (event: StorageEvent) => {
    if (!storage || !access || event.storageArea !== storage) return;
    if (event.key !== null && event.key !== SETTINGS_STORAGE_KEY) return;
    current = access.readSettings(storage);
    notify();
  };

  const loaded = storage
    ? loadStorage().then((loadedAccess) => {
        access = loadedAccess;
        current = { ...access.readSettings(storage), ...pending };
        if (pending) access.writeSettings(storage, current);
        pending = undefined;
        notify();
      })
    : Promise.resolve();

  return {
    get: () => current,
    update(patch) {
      current = { ...current, ...patch };
      if (storage && access) access.writeSettings(storage, current);
      else pending = { ...pending, ...patch };
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
    loaded,
  };
}
