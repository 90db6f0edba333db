import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from "@/lib/settings/defaults";
import { createSettingsStore } from "@/lib/settings/settings-store";

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
  it("holds the defaults until the stored settings are read, then those, or the defaults when corrupt", async () => {
    const stored = createSettingsStore(memoryStorage({ [SETTINGS_STORAGE_KEY]: '{"theme":"dark"}' }));
    const listener = vi.fn();
    stored.subscribe(listener);
    expect(stored.get()).toBe(DEFAULT_SETTINGS);
    await stored.loaded;
    expect(stored.get()).toEqual({ ...DEFAULT_SETTINGS, theme: "dark" });
    expect(listener).toHaveBeenCalledTimes(1);

    const corrupt = createSettingsStore(memoryStorage({ [SETTINGS_STORAGE_KEY]: "{oops" }));
    await corrupt.loaded;
    expect(corrupt.get()).toEqual(DEFAULT_SETTINGS);
    expect(createSettingsStore().get()).toBe(DEFAULT_SETTINGS);
  });

  it("applies a change made before the stored settings are read over them, and stores the result", async () => {
    const storage = memoryStorage({ [SETTINGS_STORAGE_KEY]: '{"theme":"dark","smoothText":false}' });
    const store = createSettingsStore(storage);
    store.update({ latencyOverlay: true });
    expect(store.get().latencyOverlay).toBe(true);
    expect(storage.getItem(SETTINGS_STORAGE_KEY)).toBe('{"theme":"dark","smoothText":false}');
    await store.loaded;
    const expected = { theme: "dark", smoothText: false, latencyOverlay: true };
    expect(store.get()).toEqual(expected);
    expect(JSON.parse(storage.getItem(SETTINGS_STORAGE_KEY) ?? "")).toEqual(expected);
  });

  it("merges an update, stores it and notifies, giving a new snapshot only on change", async () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    await store.loaded;
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

  it("follows changes other tabs make to its entry, and only to its entry", async () => {
    const storage = memoryStorage();
    const window = new EventTarget();
    const store = createSettingsStore(storage, window);
    await store.loaded;
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
