import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { SettingsMenu } from "@/components/settings/settings-menu";
import { SettingsPanel } from "@/components/settings/settings-panel";
import { SettingsProvider, useSettings } from "@/components/settings/settings-provider";
import type { Locale } from "@/lib/i18n/locale";

const render = (locale: Locale, children: React.ReactNode) =>
  renderToStaticMarkup(
    <I18nProvider locale={locale}>
      <SettingsProvider>{children}</SettingsProvider>
    </I18nProvider>,
  );

const checkedRadios = (html: string) =>
  (html.match(/<input type="radio"[^>]*>/g) ?? [])
    .filter((input) => input.includes('checked=""'))
    .map((input) => /value="(\w+)"/.exec(input)?.[1]);

describe("SettingsMenu", () => {
  it("server-renders a closed, labelled button", () => {
    const html = render("zh", <SettingsMenu />);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-haspopup="dialog"');
    expect(html).toContain('<span class="sr-only">设置</span>');
    expect(html).not.toContain('role="dialog"');
  });
});

describe("SettingsPanel", () => {
  it("offers theme, language, smooth text and the shortcuts, in the reader's language", () => {
    const html = render("zh", <SettingsPanel titleId="settings-title" />);
    for (const text of [
      "主题",
      "跟随系统",
      "浅色",
      "深色",
      "语言",
      "平滑显示文字",
      "键盘快捷键",
      "新对话",
      "聚焦输入框",
      "停止生成",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain('<h2 id="settings-title"');
  });

  it("names each language in itself, marked with its language", () => {
    const html = render("en", <SettingsPanel titleId="t" />);
    expect(html).toMatch(/<label lang="zh-CN"[^>]*>.*?中文<\/label>/);
    expect(html).toMatch(/<label lang="en"[^>]*>.*?English<\/label>/);
  });

  it("checks the current locale and the default settings (the server cannot see localStorage)", () => {
    expect(checkedRadios(render("zh", <SettingsPanel titleId="t" />))).toEqual(["system", "zh"]);
    const html = render("en", <SettingsPanel titleId="t" />);
    expect(checkedRadios(html)).toEqual(["system", "en"]);
    expect(html).toMatch(/<input[^>]*type="checkbox"[^>]*role="switch"[^>]*checked/);
  });

  it("describes the smooth-text switch with its one-line explanation", () => {
    const html = render("en", <SettingsPanel titleId="t" />);
    const describedBy = /role="switch"[^>]*aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(
      `id="${describedBy}" class="text-xs text-zinc-500">Reveal streamed text at an even pace`,
    );
  });

  it("lists the shortcuts as keys", () => {
    const html = render("en", <SettingsPanel titleId="t" />);
    expect(html).toContain("<kbd");
    expect(html).toContain("Ctrl / ⌘</kbd>");
    expect(html).toContain("Shift</kbd>");
    expect(html).toContain("Esc</kbd>");
  });
});

function ThemeName() {
  return <span>{useSettings().settings.theme}</span>;
}

describe("useSettings", () => {
  it("gives the defaults while rendering on the server", () => {
    expect(render("en", <ThemeName />)).toBe("<span>system</span>");
  });

  it("tells a developer who forgot the provider", () => {
    expect(() => renderToStaticMarkup(<ThemeName />)).toThrow(/SettingsProvider/);
  });
});
