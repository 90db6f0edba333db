"use client";

import { type KeyboardEvent, memo, type Ref, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { preloadMarkdown } from "@/components/markdown/lazy-markdown";

interface ComposerProps {
  ref?: Ref<HTMLTextAreaElement>;
  busy: boolean;
  onSend: (text: string) => void;
  onStop: () => void;
}

export const Composer = memo(function Composer({ ref, busy, onSend, onStop }: ComposerProps) {
  const { t } = useI18n();
  const [text, setText] = useState("");

  const submit = () => {
    const question = text.trim();
    if (!question || busy) return;
    onSend(question);
    setText("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an IME candidate (Chinese, Japanese…) must not send the half-typed message.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      className="flex items-end gap-2 rounded-2xl border border-zinc-300 bg-white p-2 shadow-sm focus-within:border-accent dark:border-zinc-700 dark:bg-zinc-900"
    >
      <label htmlFor="composer-input" className="sr-only">
        {t.composer.label}
      </label>
      <textarea
        id="composer-input"
        ref={ref}
        data-testid="composer-input"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          // The answer to come needs the markdown renderer; fetch it while the question is typed.
          preloadMarkdown();
        }}
        onKeyDown={onKeyDown}
        rows={Math.min(8, Math.max(1, text.split("\n").length))}
        placeholder={t.composer.placeholder}
        aria-describedby="composer-hint"
        className="max-h-60 min-h-10 flex-1 resize-none bg-transparent px-2 py-2 outline-none placeholder:text-zinc-400"
        // biome-ignore lint/a11y/noAutofocus: the composer is the page's one primary control, as in every chat app.
        autoFocus
      />
      <span id="composer-hint" className="sr-only">
        {t.composer.hint}
      </span>
      {busy ? (
        <button
          type="button"
          data-testid="stop"
          onClick={onStop}
          className="rounded-xl bg-zinc-800 px-4 py-2 font-medium text-sm text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900"
        >
          {t.composer.stop}
        </button>
      ) : (
        <button
          type="submit"
          data-testid="send"
          disabled={!text.trim()}
          className="rounded-xl bg-accent px-4 py-2 font-medium text-sm text-white hover:bg-accent-strong disabled:opacity-40"
        >
          {t.composer.send}
        </button>
      )}
    </form>
  );
});
