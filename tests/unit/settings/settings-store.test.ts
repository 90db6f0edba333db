import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { createSettingsStore } from "@/lib/settings/settings-store";
import { SETTINGS_STORAGE_KEY } from "@/lib/settings/storage";

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const entries = new Map(Object.entries(initial));
  return {
    get length() {
      return entries.size;
    },
    clear: () => entries.clear(),
    getItem: (key) => entries.get(key) ?? null,
    key: (index) => [...entries.keys()][index] ?? null,
    removeItem: (key) => void entries.delete(key),
    setItem: (key, value) => void entries.set(key, String(value)),
  };
}

/** What the browser fires in this tab when another tab changes the storage. */
function storageEvent(storageArea: Storage, key: string | null): Event {
  return Object.assign(new Event("storage"), { storageArea, key });
}

describe("createSettingsStore", () => {
  it("starts from the stored settings, or the defaults when they are corrupt", () => {
    const stored = memoryStorage({ [SETTINGS_STORAGE_KEY]: '{"theme":"dark"}' });
    expect(createSettingsStore(stored).get()).toEqual({ ...DEFAULT_SETTINGS, theme: "dark" });
    expect(createSettingsStore(memoryStorage({ [SETTINGS_STORAGE_KEY]: "{oops" })).get()).toEqual(
      DEFAULT_SETTINGS,
    );
    expect(createSettingsStore().get()).toBe(DEFAULT_SETTINGS);
  });

  it("merges an update, stores it and notifies, giving a new snapshot only on change", () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.get();
    expect(store.get()).toBe(before);

    store.update({ smoothText: false });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, smoothText: false });
    expect(store.get()).not.toBe(before);
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? "")).toEqual(store.get());
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("follows changes other tabs make to its entry, and only to its entry", () => {
    const storage = memoryStorage();
    const window = new EventTarget();
    const store = createSettingsStore(storage, window);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    storage.setItem(SETTINGS_STORAGE_KEY, '{"theme":"light"}');
    window.dispatchEvent(storageEvent(storage, SETTINGS_STORAGE_KEY));
    expect(store.get().theme).toBe("light");
    expect(listener).toHaveBeenCalledTimes(1);

    window.dispatchEvent(storageEvent(storage, "something-else"));
    window.dispatchEvent(storageEvent(memoryStorage(), SETTINGS_STORAGE_KEY));
    expect(listener).toHaveBeenCalledTimes(1);

    storage.clear();
    window.dispatchEvent(storageEvent(storage, null));
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    storage.setItem(SETTINGS_STORAGE_KEY, '{"theme":"dark"}');
    window.dispatchEvent(storageEvent(storage, SETTINGS_STORAGE_KEY));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
