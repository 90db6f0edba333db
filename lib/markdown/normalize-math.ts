import { splitCodeRegions } from "./code-regions";
import { type MathSpan, scanMath } from "./math-scanner";

// Container markers that may start a line before display maths: blockquote `>`s, then a list marker.
const CONTAINER_PREFIX = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;
const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]+$)/;
const TABLE_ROW = /^[\s>]*\|/;
const TRAILING_PUNCTUATION = /^[ \t]*[.,;:!?。，；：！？]{1,3}[ \t]*$/;

/**
 * Rewrites the maths dialects R1 mixes into the `$…$` / `$$…$$` syntax remark-math understands:
 * `\(…\)` → `$…$`; `\[…\]` and `$$…$$` → a `$$` block on its own lines (remark-math treats a `$$` that
 * shares a line with text as inline maths); a bare `\boxed{…}` → `$\boxed{…}$`; a currency `$` → `\$`.
 * Code blocks and code spans are never touched; unterminated delimiters are left for holdBackIncompleteMath.
 */
export function normalizeMath(text: string): string {
  let out = "";
  for (const region of splitCodeRegions(text)) {
    let cursor = region.start;
    if (!region.isCode) {
      for (const span of scanMath(text, region)) {
        out += text.slice(cursor, span.start);
        cursor = span.end;
        // A table cell cannot hold a block, so display maths there stays inline rather than break the table.
        if (span.kind !== "display" || TABLE_ROW.test(currentLine(out))) {
          out += rewriteInline(text, span);
          continue;
        }
        const rest = restOfLine(text, cursor);
        if (TRAILING_PUNCTUATION.test(rest)) {
          // A lone "." paragraph under the formula looks broken; display maths conventionally includes it.
          out = appendDisplayBlock(out, span.content.trimEnd() + rest.trim());
          cursor += rest.length;
          continue;
        }
        out = appendDisplayBlock(out, span.content);
        if (rest.trim() !== "") {
          // Text after the closing delimiter continues the paragraph below the block.
          out += `\n${continuationIndent(out)}`;
          cursor += rest.length - rest.trimStart().length;
        }
      }
    }
    out += text.slice(cursor, region.end);
  }
  return out;
}

function rewriteInline(text: string, span: MathSpan): string {
  switch (span.kind) {
    case "currency":
      return "\\$";
    case "bare-boxed":
      return `$${text.slice(span.start, span.end)}$`;
    case "inline":
    case "display": {
      const formula = span.content.trim();
      return formula ? `$${formula}$` : "";
    }
    case "unclosed":
      return text.slice(span.start, span.end);
  }
}

function appendDisplayBlock(out: string, content: string): string {
  const lines = content.trim().split("\n");
  if (!lines[0]) return out;
  const line = currentLine(out);
  const indent = continuationIndent(out);
  const opensLine = CONTAINER_PREFIX.exec(line)?.[0].length === line.length;
  const head = opensLine ? out : `${out.replace(/[ \t]+$/, "")}\n${indent}`;
  // Every line must carry the list indentation / quote markers, or the block would escape its container.
  const body = lines.map((bodyLine) =>
    bodyLine.startsWith(indent) ? bodyLine : indent + bodyLine.trimStart(),
  );
  return `${head}$$\n${body.join("\n")}\n${indent}$$`;
}

function currentLine(out: string): string {
  return out.slice(out.lastIndexOf("\n") + 1);
}

/** The prefix a new line needs to stay inside the current line's list item or blockquote. */
function continuationIndent(out: string): string {
  const container = CONTAINER_PREFIX.exec(currentLine(out))?.[0] ?? "";
  return container.replace(LIST_MARKER, (marker) => " ".repeat(marker.length));
}

function restOfLine(text: string, from: number): string {
  const newline = text.indexOf("\n", from);
  return text.slice(from, newline === -1 ? text.length : newline);
}
