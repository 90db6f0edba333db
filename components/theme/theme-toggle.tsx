"use client";

import { useI18n } from "@/components/i18n/i18n-provider";
import { SegmentedChoice } from "@/components/settings/segmented-choice";
import { useSettings } from "@/components/settings/settings-provider";

/** System / Light / Dark. The settings provider applies the choice to the page and remembers it. */
export function ThemeToggle() {
  const { t } = useI18n();
  const { settings, update } = useSettings();
  return (
    <SegmentedChoice
      legend={t.settings.theme}
      choices={[
        { value: "system", label: t.settings.themeSystem },
        { value: "light", label: t.settings.themeLight },
        { value: "dark", label: t.settings.themeDark },
      ]}
      value={settings.theme}
      onChange={(theme) => update({ theme })}
    />
  );
}
