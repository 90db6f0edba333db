"use client";

import type { ComponentProps } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { OutlineIcon } from "@/components/icons/outline-icon";
import type { WidgetSize } from "@/lib/widget/protocol";

interface WidgetControlsProps {
  size: WidgetSize;
  /** A floating panel can be closed; an inline widget is part of the host page. */
  closable: boolean;
  onNewChat: () => void;
  /** Absent until the conversation has a first question. */
  onOpenFullSize?: () => void;
  onResize: (size: WidgetSize) => void;
  onClose: () => void;
}

function HeaderButton(props: Omit<ComponentProps<"button">, "type" | "className">) {
  return (
    <button
      type="button"
      className="rounded-md px-2 py-1 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
      {...props}
    />
  );
}

function ResizeIcon({ expanded }: { expanded: boolean }) {
  return (
    <OutlineIcon className="inline-block h-3.5 w-3.5 align-[-2px]" strokeWidth={2.5}>
      <path d={expanded ? "M3 9h6V3M9 9 2 2m19 13h-6v6m0-6 7 7" : "M9 3H3v6m0-6 7 7m5 11h6v-6m0 6-7-7"} />
    </OutlineIcon>
  );
}

/** The widget's own header buttons, in place of the app's settings. */
export function WidgetControls({
  size,
  closable,
  onNewChat,
  onOpenFullSize,
  onResize,
  onClose,
}: WidgetControlsProps) {
  const { t } = useI18n();
  const expanded = size === "expanded";
  return (
    <>
      <HeaderButton data-testid="widget-new-chat" title={t.sidebar.newChat} onClick={onNewChat}>
        <span aria-hidden="true">+</span>
        <span className="sr-only">{t.sidebar.newChat}</span>
      </HeaderButton>
      {onOpenFullSize && (
        <HeaderButton
          data-testid="widget-open-full-size"
          title={t.widget.openFullSize}
          onClick={onOpenFullSize}
        >
          <span aria-hidden="true">↗</span>
          <span className="sr-only">{t.widget.openFullSize}</span>
        </HeaderButton>
      )}
      <HeaderButton
        data-testid="widget-resize"
        aria-pressed={expanded}
        title={expanded ? t.widget.shrink : t.widget.expand}
        onClick={() => onResize(expanded ? "compact" : "expanded")}
      >
        <ResizeIcon expanded={expanded} />
        <span className="sr-only">{expanded ? t.widget.shrink : t.widget.expand}</span>
      </HeaderButton>
      {closable && (
        <HeaderButton data-testid="widget-close" title={t.widget.close} onClick={onClose}>
          <span aria-hidden="true">✕</span>
          <span className="sr-only">{t.widget.close}</span>
        </HeaderButton>
      )}
    </>
  );
}
