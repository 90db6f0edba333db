import type { ThemePreference } from "@/lib/settings/defaults";

export const DARK_SCHEME_QUERY = "(prefers-color-scheme: dark)";

/** Puts the `dark` class on <html> when the preference, or the system under "system", asks for dark. */
export function applyTheme(preference: ThemePreference): void {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia(DARK_SCHEME_QUERY).matches);
  document.documentElement.classList.toggle("dark", dark);
}
