export { Markdown, type MarkdownVariant } from "./markdown";
export { ENGLISH_MARKDOWN_LABELS, type MarkdownLabels, MarkdownLabelsContext } from "./markdown-labels";
