import { latexValue } from "./latex-value";

/** One value of an answer: its number when it has one, else its normalized text. */
interface AnswerItem {
  text: string;
  value?: number;
}

/**
 * Whether a model's final answer means the same as the expected one: equal numbers in any notation
 * (`\dfrac{1}{2}`, `1/2`, `0.5`), with or without `x =`, `\text{}`, units of %, °, spacing or `$`;
 * several values (roots) match in any order.
 */
export function answersMatch(given: string, expected: string): boolean {
  const givenItems = answerItems(given);
  const remaining = answerItems(expected);
  if (givenItems.length === 0 || givenItems.length !== remaining.length) return false;
  for (const item of givenItems) {
    const index = remaining.findIndex((candidate) => itemsEqual(item, candidate));
    if (index === -1) return false;
    remaining.splice(index, 1);
  }
  return true;
}

function answerItems(answer: string): AnswerItem[] {
  const text = normalizeNotation(answer);
  return splitValues(text)
    .flatMap(expandPlusMinus)
    .map((item) => item.replace(/^[a-zA-Z](?:_\{?\w+\}?)?=/, ""))
    .map(stripEnclosingBraces)
    .filter((item) => item !== "")
    .map((item) => ({ text: item.toLowerCase(), value: latexValue(item) }));
}

const TEXT_COMMAND = /\\(?:text|textbf|textit|textrm|mathrm|mathbf|operatorname|mbox|boxed)\s*\{([^{}]*)\}/g;

/** Rewrites everything that only changes how an answer looks, leaving values and separators. */
function normalizeNotation(answer: string): string {
  let text = answer;
  // Innermost first, so `\text{\textbf{or}}` unwraps fully.
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(TEXT_COMMAND, "$1");
  }
  text = text
    .replace(/\\[dt]frac/g, "\\frac")
    .replace(/\\(?:displaystyle|left|right)\b/g, "")
    .replace(/\\q?quad\b|\\[,;:! ]|~/g, " ")
    .replace(/\^\s*\{?\s*\\circ\s*\}?|°/g, "")
    .replace(/\\?%|\\\$|\$/g, "")
    .replace(/\\[{}]/g, "")
    .replace(/，/g, ",")
    .replace(/；/g, ";")
    .replace(/{,}/g, "")
    .trim()
    .replace(/[.。]+$/, "");
  // "1,000" is a thousands separator, not the values 1 and 000.
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) text = text.replace(/,/g, "");
  return text.replace(/\s+(?:or|and)\s+|或|和|以及/g, ",");
}

/** Splits on commas and semicolons outside braces and brackets, so `\frac{1,2}` or `(1, 2)` stay whole. */
function splitValues(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const character = text[i] as string;
    if ("{([".includes(character)) depth++;
    else if ("})]".includes(character)) depth--;
    else if (depth === 0 && (character === "," || character === ";")) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items.map((item) => item.replace(/\s+/g, ""));
}

/** `x = \pm 2` is the two values 2 and -2. */
function expandPlusMinus(item: string): string[] {
  if (!item.includes("\\pm")) return [item];
  return [item.replace("\\pm", "+"), item.replace("\\pm", "-")];
}

function stripEnclosingBraces(item: string): string {
  let text = item;
  while (text.startsWith("{") && text.endsWith("}") && bracesBalancedInside(text)) text = text.slice(1, -1);
  return text;
}

/** `{1}+{2}` starts and ends with braces that do not enclose it. */
function bracesBalancedInside(text: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}") depth--;
    if (depth === 0) return false;
  }
  return true;
}

const RELATIVE_TOLERANCE = 1e-9;

function itemsEqual(a: AnswerItem, b: AnswerItem): boolean {
  if (a.value !== undefined && b.value !== undefined) {
    return (
      Math.abs(a.value - b.value) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(a.value), Math.abs(b.value))
    );
  }
  return a.text === b.text;
}
