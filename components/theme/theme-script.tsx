import { SETTINGS_STORAGE_KEY } from "@/lib/settings/defaults";
import { DARK_SCHEME_QUERY } from "./apply-theme";

/**
 * Runs before the first paint, so a dark-mode reader never sees a white flash: applies the stored theme
 * (or the system's) and keeps following the system while the preference is "system". Written in ES5 on
 * purpose: it is inlined as is, without the bundler. It reads the same localStorage entry as the settings.
 */
export const THEME_SCRIPT = `(function () {
  var root = document.documentElement;
  var media = window.matchMedia(${JSON.stringify(DARK_SCHEME_QUERY)});
  function preference() {
    try {
      var theme = JSON.parse(localStorage.getItem(${JSON.stringify(SETTINGS_STORAGE_KEY)}) || "{}").theme;
      return theme === "light" || theme === "dark" ? theme : "system";
    } catch (error) {
      return "system";
    }
  }
  function apply() {
    var theme = preference();
    root.classList.toggle("dark", theme === "dark" || (theme === "system" && media.matches));
  }
  apply();
  media.addEventListener("change", apply);
})();`;

/**
 * Render in <head> of the root layout (a server component); <html> needs suppressHydrationWarning.
 * The nonce is the request's, so the Content-Security-Policy lets this inline script run.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, built from constants only.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
