/**
 * The share page's own styles. The page carries no JavaScript and no Tailwind build, so it is styled
 * here, after katex.min.css and components/markdown/markdown.css (served by /share-assets).
 */
export const SHARE_PAGE_CSS = `
:root { color-scheme: light dark; --fg: #18181b; --muted: #52525b; --bg: #fff; --soft: #f4f4f5; --line: #e4e4e7; --accent: #2563eb; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #f4f4f5; --muted: #a1a1aa; --bg: #09090b; --soft: #18181b; --line: #27272a; --accent: #60a5fa; }
  .markdown-body .hljs { --hl-keyword: #ff7b72; --hl-title: #d2a8ff; --hl-constant: #79c0ff; --hl-string: #a5d6ff; --hl-symbol: #ffa657; --hl-comment: #8b949e; --hl-name: #7ee787; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.7 ui-sans-serif, system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.25rem 0; overflow-wrap: anywhere; }
.badge { display: inline-block; margin: 0; padding: 0.1rem 0.6rem; border: 1px solid var(--line); border-radius: 999px; font-size: 0.8rem; color: var(--muted); }
.meta, .figures, .help, .state { color: var(--muted); font-size: 0.875rem; }
.messages { list-style: none; margin: 2rem 0; padding: 0; }
.question { margin: 1.5rem 0 1rem auto; max-width: 85%; width: fit-content; padding: 0.6rem 1rem; border-radius: 1rem; background: var(--soft); white-space: pre-wrap; overflow-wrap: anywhere; }
.answer { margin: 1rem 0 2rem; }
details { margin: 0.5rem 0 1rem; border-left: 3px solid var(--line); padding-left: 0.9rem; }
summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; }
.markdown-body { overflow-wrap: break-word; }
.markdown-body p, .markdown-body ul, .markdown-body ol, .markdown-body blockquote { margin: 0.75rem 0; }
.markdown-compact { font-size: 0.875rem; line-height: 1.6; color: var(--muted); }
.markdown-body pre { overflow-x: auto; padding: 0.75rem; border-radius: 0.5rem; background: var(--soft); font-size: 0.875rem; line-height: 1.5; }
.markdown-body code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.markdown-body :not(pre) > code { padding: 0.1em 0.35em; border-radius: 0.25rem; background: var(--soft); font-size: 0.875em; }
.markdown-body table { border-collapse: collapse; display: block; overflow-x: auto; }
.markdown-body th, .markdown-body td { border: 1px solid var(--line); padding: 0.3rem 0.7rem; }
.markdown-body blockquote { border-left: 4px solid var(--line); padding-left: 1rem; color: var(--muted); }
a { color: var(--accent); }
.continue { margin-top: 3rem; padding-top: 1.5rem; border-top: 1px solid var(--line); }
.continue button { font: inherit; font-weight: 600; padding: 0.55rem 1.1rem; border: 0; border-radius: 0.6rem; background: var(--accent); color: #fff; cursor: pointer; }
.continue button:focus-visible, summary:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
`;
