import { splitCodeRegions } from "./code-regions";
import { boxedOpenerLength, findClosingBrace } from "./latex";

/** The content of the last complete `\boxed{…}` outside code (R1's final answer), or null. */
export function extractFinalBoxed(text: string): string | null {
  let answer: string | null = null;
  for (const region of splitCodeRegions(text)) {
    if (region.isCode) continue;
    let cursor = region.start;
    for (
      let at = text.indexOf("\\boxed", cursor);
      at !== -1 && at < region.end;
      at = text.indexOf("\\boxed", cursor)
    ) {
      const contentStart = at + boxedOpenerLength(text, at);
      const close = contentStart > at ? findClosingBrace(text, contentStart, region.end) : -1;
      if (close === -1) {
        cursor = at + 1;
        continue;
      }
      answer = text.slice(contentStart, close);
      // Continue after the whole box so a \boxed nested inside it is not mistaken for a later answer.
      cursor = close + 1;
    }
  }
  return answer;
}
