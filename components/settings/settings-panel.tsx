"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { HTML_LANG, LOCALE_AUTONYMS, LOCALES } from "@/lib/i18n/locale";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { SegmentedChoice } from "./segmented-choice";
import { SettingSwitch } from "./setting-switch";
import { useSettings } from "./settings-provider";

/** The contents of the settings popover; `titleId` names the dialog around it. */
export function SettingsPanel({ titleId }: { titleId: string }) {
  const { t, locale, setLocale } = useI18n();
  const { settings, update } = useSettings();
  return (
    <div className="flex flex-col gap-4 text-sm">
      <h2 id={titleId} className="font-semibold text-base">
        {t.settings.title}
      </h2>
      <ThemeToggle />
      <SegmentedChoice
        legend={t.settings.language}
        choices={LOCALES.map((value) => ({ value, label: LOCALE_AUTONYMS[value], lang: HTML_LANG[value] }))}
        value={locale}
        onChange={setLocale}
      />
      <SettingSwitch
        label={t.settings.smoothText}
        description={t.settings.smoothTextHelp}
        checked={settings.smoothText}
        onChange={(smoothText) => update({ smoothText })}
      />
      <KeyboardShortcuts />
    </div>
  );
}
