import type { Locale } from "@/lib/i18n/locale";
import { HTML_LANG } from "@/lib/i18n/locale";
import { MESSAGES, type Messages } from "@/lib/i18n/messages";
import type { SharedConversation } from "../shares";
import { type AnswerFigures, answeringModels, firstQuestion, type SharedAnswer } from "../snapshot";
import { escapeHtml } from "./html";
import { markdownToHtml } from "./markdown-html";
import { SHARE_PAGE_CSS } from "./share-page-css";

/** The page's stylesheets, served by app/share-assets. */
export const SHARE_STYLESHEETS = ["/share-assets/katex.css", "/share-assets/markdown.css"];

/** A link preview may quote this much of the first question, when the owner allowed it. */
const PREVIEW_QUESTION_CHARS = 200;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** A first token comes in well under a second: in seconds it would read "0.0 s". */
const shortDuration = (ms: number, t: Messages) =>
  ms < 1000 ? t.share.milliseconds(String(Math.round(ms))) : t.share.seconds(seconds(ms));

interface PageHead {
  locale: Locale;
  title: string;
  description: string;
}

function page({ locale, title, description }: PageHead, body: string): string {
  const t = MESSAGES[locale];
  const text = escapeHtml;
  return `<!doctype html>
<html lang="${HTML_LANG[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${text(title)}</title>
<meta name="description" content="${text(description)}">
<meta property="og:type" content="website">
<meta property="og:site_name" content="${text(t.app.name)}">
<meta property="og:title" content="${text(title)}">
<meta property="og:description" content="${text(description)}">
<meta name="twitter:card" content="summary">
<link rel="icon" href="/icon.svg" type="image/svg+xml">
${SHARE_STYLESHEETS.map((href) => `<link rel="stylesheet" href="${href}">`).join("\n")}
<style>${SHARE_PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * The whole read-only page for a shared conversation: server-rendered HTML with no script at all, so
 * maths, highlighted code and the collapsible reasoning (<details>) all work with JavaScript off.
 */
export function renderSharePage(shared: SharedConversation, token: string, locale: Locale): string {
  const t = MESSAGES[locale];
  const question = firstQuestion(shared.snapshot);
  // The conversation's title is usually its first question, so the preview uses it only when allowed.
  const head: PageHead = shared.showQuestion
    ? { locale, title: shared.title, description: truncate(question ?? t.share.pageDescription) }
    : { locale, title: `${t.share.readOnly} · ${t.app.name}`, description: t.share.pageDescription };
  const models = answeringModels(shared.snapshot);
  const sharedAt = new Intl.DateTimeFormat(HTML_LANG[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(shared.sharedAt));
  const meta = [
    `<time datetime="${shared.sharedAt}">${escapeHtml(t.share.sharedOn(`${sharedAt} UTC`))}</time>`,
    ...(models.length ? [escapeHtml(t.share.answeredBy(models.join(", ")))] : []),
  ];
  const messages = shared.snapshot.messages.map((message) =>
    message.role === "user"
      ? `<li class="question">${escapeHtml(message.text)}</li>`
      : `<li class="answer">${answerHtml(message, t)}</li>`,
  );
  return page(
    head,
    `<header>
<p class="badge">${escapeHtml(t.share.readOnly)}</p>
<h1>${escapeHtml(shared.title)}</h1>
<p class="meta">${meta.join(" · ")}</p>
</header>
<ol class="messages">
${messages.join("\n")}
</ol>
<form class="continue" method="post" action="/api/shares/${escapeHtml(token)}/continue">
<button type="submit">${escapeHtml(t.share.continue)}</button>
<p class="help">${escapeHtml(t.share.continueHelp)}</p>
</form>`,
  );
}

function answerHtml(answer: SharedAnswer, t: Messages): string {
  const { thinkingMs } = answer.figures;
  const summary =
    thinkingMs === undefined
      ? t.share.reasoning
      : `${t.share.reasoning} · ${t.reasoning.thoughtFor(seconds(thinkingMs))}`;
  const reasoning = answer.reasoning.trim()
    ? `<details class="reasoning"><summary>${escapeHtml(summary)}</summary><div class="markdown-body markdown-compact">${markdownToHtml(answer.reasoning)}</div></details>`
    : "";
  const state =
    answer.state === "stopped" || answer.state === "error" || answer.state === "interrupted"
      ? `<p class="state">${escapeHtml(t.messageState[answer.state])}</p>`
      : "";
  const figures = figureTexts(answer.figures, t);
  const footer = [answer.model, ...figures].filter(Boolean).map((item) => escapeHtml(String(item)));
  return `${reasoning}<div class="markdown-body">${markdownToHtml(answer.answer)}</div>${state}${
    footer.length ? `<p class="figures">${footer.join(" · ")}</p>` : ""
  }`;
}

function figureTexts(figures: AnswerFigures, t: Messages): string[] {
  const texts: string[] = [];
  if (figures.ttftMs !== undefined) texts.push(t.share.firstToken(shortDuration(figures.ttftMs, t)));
  if (figures.thinkingMs !== undefined)
    texts.push(t.share.thinking(t.share.seconds(seconds(figures.thinkingMs))));
  if (figures.answeringMs !== undefined)
    texts.push(t.share.answering(t.share.seconds(seconds(figures.answeringMs))));
  if (figures.completionTokens !== undefined) texts.push(t.share.tokens(String(figures.completionTokens)));
  return texts;
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > PREVIEW_QUESTION_CHARS ? `${flat.slice(0, PREVIEW_QUESTION_CHARS - 1)}…` : flat;
}

/** The page a revoked or unknown token gets (with status 404): it says nothing about what was there. */
export function renderMissingSharePage(locale: Locale): string {
  const t = MESSAGES[locale];
  return page(
    { locale, title: `${t.share.notFoundTitle} · ${t.app.name}`, description: t.share.pageDescription },
    `<h1>${escapeHtml(t.share.notFoundTitle)}</h1>
<p>${escapeHtml(t.share.notFoundBody)}</p>
<p><a href="/">${escapeHtml(t.share.openApp)}</a></p>`,
  );
}
