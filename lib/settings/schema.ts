import { z } from "zod";

export const THEME_PREFERENCES = ["system", "light", "dark"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];

/**
 * Preferences kept in the browser. Each field falls back to its default on its own, so one value written
 * by an older or newer version of the app does not throw away the others.
 */
export const clientSettingsSchema = z.object({
  theme: z.enum(THEME_PREFERENCES).catch("system"),
  smoothText: z.boolean().catch(true),
  latencyOverlay: z.boolean().catch(false),
});

export type ClientSettings = z.infer<typeof clientSettingsSchema>;

export const DEFAULT_SETTINGS: ClientSettings = Object.freeze(clientSettingsSchema.parse({}));
