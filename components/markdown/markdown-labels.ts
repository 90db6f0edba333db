import { createContext } from "react";

/** Every user-visible string of the markdown renderer, in one place so it can be localised. */
export interface MarkdownLabels {
  /** Visible text of a code block's copy button. */
  copy: string;
  /** Accessible name of the copy button: says what gets copied. */
  copyCode: string;
  /** Shown for a moment after the code was copied. */
  copied: string;
  /** Shown for a moment when the browser refused to copy. */
  copyFailed: string;
}

export const ENGLISH_MARKDOWN_LABELS: MarkdownLabels = {
  copy: "Copy",
  copyCode: "Copy code",
  copied: "Copied",
  copyFailed: "Copy failed",
};

/** Provide translated labels around the chat to localise every rendered message at once. */
export const MarkdownLabelsContext = createContext<MarkdownLabels>(ENGLISH_MARKDOWN_LABELS);
