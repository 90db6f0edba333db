// zod/mini: the same validation, but only the parts used reach the browser.
import * as z from "zod/mini";
import { type ClientSettings, DEFAULT_SETTINGS, THEME_PREFERENCES } from "./defaults";

/**
 * Preferences kept in the browser. Each field falls back to its default on its own, so one value written
 * by an older or newer version of the app does not throw away the others.
 */
export const clientSettingsSchema: z.ZodMiniType<ClientSettings, unknown> = z.object({
  theme: z.catch(z.enum(THEME_PREFERENCES), DEFAULT_SETTINGS.theme),
  smoothText: z.catch(z.boolean(), DEFAULT_SETTINGS.smoothText),
  latencyOverlay: z.catch(z.boolean(), DEFAULT_SETTINGS.latencyOverlay),
});
