// zod/mini: the same validation, but only the parts used reach the browser, where every page loads this.
import * as z from "zod/mini";

export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/**
 * Preferences kept in the browser. Each field falls back to its default on its own, so one value written
 * by an older or newer version of the app does not throw away the others.
 */
export const clientSettingsSchema = z.object({
  theme: z.catch(z.enum(THEME_PREFERENCES), "system"),
  smoothText: z.catch(z.boolean(), true),
  latencyOverlay: z.catch(z.boolean(), false),
});

export type ClientSettings = z.infer<typeof clientSettingsSchema>;

export const DEFAULT_SETTINGS: ClientSettings = Object.freeze(clientSettingsSchema.parse({}));
