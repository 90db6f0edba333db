/** What the browser keeps of the reader's preferences, without the validator, which loads on demand. */
export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

export interface ClientSettings {
  theme: ThemePreference;
  smoothText: boolean;
  latencyOverlay: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = Object.freeze({
  theme: "system",
  smoothText: true,
  latencyOverlay: false,
});

/** One localStorage entry holds every client setting; the inline theme script reads it too. */
export const SETTINGS_STORAGE_KEY = "r1_settings";
