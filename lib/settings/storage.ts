import { type ClientSettings, DEFAULT_SETTINGS, SETTINGS_STORAGE_KEY } from "./defaults";
import { clientSettingsSchema } from "./schema";

/** Whatever is stored (nothing, corrupt JSON, another shape) becomes valid settings; this never throws. */
export function parseStoredSettings(raw: string | null): ClientSettings {
  if (raw === null) return DEFAULT_SETTINGS;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
  const parsed = clientSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function readSettings(storage: Pick<Storage, "getItem">): ClientSettings {
  try {
    return parseStoredSettings(storage.getItem(SETTINGS_STORAGE_KEY));
  } catch {
    // Storage can be disabled by the browser's privacy settings; reading it then throws.
    return DEFAULT_SETTINGS;
  }
}

export function writeSettings(storage: Pick<Storage, "setItem">, settings: ClientSettings): void {
  try {
    storage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Quota or privacy mode: the settings still apply for as long as the page is open.
  }
}
