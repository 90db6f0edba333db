import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { I18nProvider, useI18n } from "@/components/i18n/i18n-provider";
import { localeCookie } from "@/lib/i18n/locale";

function SendButton() {
  const { t, locale } = useI18n();
  return (
    <button type="button" data-locale={locale}>
      {t.composer.send}
    </button>
  );
}

describe("I18nProvider", () => {
  it("renders the server's locale on the first paint", () => {
    expect(
      renderToStaticMarkup(
        <I18nProvider locale="zh">
          <SendButton />
        </I18nProvider>,
      ),
    ).toBe('<button type="button" data-locale="zh">发送</button>');
    expect(
      renderToStaticMarkup(
        <I18nProvider locale="en">
          <SendButton />
        </I18nProvider>,
      ),
    ).toContain(">Send<");
  });

  it("tells a developer who forgot the provider", () => {
    expect(() => renderToStaticMarkup(<SendButton />)).toThrow(/I18nProvider/);
  });

  it("remembers the choice for a year on every path, sent on top-level navigations", () => {
    expect(localeCookie("zh")).toBe("r1_locale=zh; Max-Age=31536000; Path=/; SameSite=Lax");
  });
});
