import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { THEME_SCRIPT, ThemeScript } from "@/components/theme/theme-script";
import { SETTINGS_STORAGE_KEY } from "@/lib/settings/defaults";

/** Runs the inline script against a fake page; returns the <html> classes and a way to flip the system scheme. */
function runThemeScript(stored: string | null, systemDark: boolean) {
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (name: string, on: boolean) => void (on ? classes.add(name) : classes.delete(name)),
    },
  };
  const media = {
    matches: systemDark,
    listeners: [] as (() => void)[],
    addEventListener(_: string, listener: () => void) {
      this.listeners.push(listener);
    },
  };
  const window = { matchMedia: () => media };
  const localStorage = { getItem: (key: string) => (key === SETTINGS_STORAGE_KEY ? stored : null) };
  new Function("window", "document", "localStorage", THEME_SCRIPT)(
    window,
    { documentElement: root },
    localStorage,
  );
  return {
    dark: () => classes.has("dark"),
    setSystemDark(dark: boolean) {
      media.matches = dark;
      for (const listener of media.listeners) listener();
    },
  };
}

describe("ThemeScript", () => {
  it("inlines the constant script", () => {
    expect(renderToStaticMarkup(<ThemeScript />)).toBe(`<script>${THEME_SCRIPT}</script>`);
    expect(THEME_SCRIPT).not.toContain("</script");
  });

  it("follows the system when nothing, or nothing valid, is stored", () => {
    expect(runThemeScript(null, true).dark()).toBe(true);
    expect(runThemeScript(null, false).dark()).toBe(false);
    expect(runThemeScript("{corrupt", true).dark()).toBe(true);
    expect(runThemeScript("null", true).dark()).toBe(true);
    expect(runThemeScript('{"theme":"sepia"}', false).dark()).toBe(false);
  });

  it("applies a stored choice whatever the system prefers", () => {
    expect(runThemeScript('{"theme":"dark"}', false).dark()).toBe(true);
    expect(runThemeScript('{"theme":"light"}', true).dark()).toBe(false);
  });

  it("keeps following system changes in System mode only", () => {
    const system = runThemeScript('{"theme":"system"}', false);
    system.setSystemDark(true);
    expect(system.dark()).toBe(true);
    system.setSystemDark(false);
    expect(system.dark()).toBe(false);

    const light = runThemeScript('{"theme":"light"}', false);
    light.setSystemDark(true);
    expect(light.dark()).toBe(false);
  });
});
