const CLOSE_TAG = "</think>";
const OPEN_TAG = "<think>";

export interface SplitPiece {
  kind: "reasoning" | "answer";
  text: string;
}

/**
 * Splits a model's raw output into reasoning and answer when vLLM runs without a reasoning parser.
 * The R1 template ends the prompt with `<think>\n`, so the output has no opening tag (older templates do
 * emit one, which is dropped) and reasoning ends at a literal `</think>`. Tags can be split across chunks,
 * so a possible tag prefix is held back until the next chunk decides it.
 */
export class ThinkSplitter {
  private pending = "";
  private inReasoning = true;
  private atStart = true;

  push(delta: string): SplitPiece[] {
    if (!this.inReasoning) return delta ? [{ kind: "answer", text: delta }] : [];
    let text = this.pending + delta;
    this.pending = "";

    if (this.atStart) {
      const trimmed = text.trimStart();
      if (OPEN_TAG.startsWith(trimmed) && trimmed.length < OPEN_TAG.length) {
        this.pending = text;
        return [];
      }
      if (trimmed.startsWith(OPEN_TAG)) text = trimmed.slice(OPEN_TAG.length);
      if (text.length > 0) this.atStart = false;
    }

    const closeAt = text.indexOf(CLOSE_TAG);
    if (closeAt !== -1) {
      this.inReasoning = false;
      const pieces: SplitPiece[] = [];
      const reasoning = text.slice(0, closeAt);
      if (reasoning) pieces.push({ kind: "reasoning", text: reasoning });
      const answer = text.slice(closeAt + CLOSE_TAG.length);
      if (answer) pieces.push({ kind: "answer", text: answer });
      return pieces;
    }

    const heldBack = partialTagSuffixLength(text);
    this.pending = text.slice(text.length - heldBack);
    const reasoning = text.slice(0, text.length - heldBack);
    return reasoning ? [{ kind: "reasoning", text: reasoning }] : [];
  }

  /** Whatever was held back is reasoning after all once the stream ends. */
  flush(): SplitPiece[] {
    const rest = this.pending;
    this.pending = "";
    if (!rest) return [];
    return [{ kind: this.inReasoning ? "reasoning" : "answer", text: rest }];
  }
}

function partialTagSuffixLength(text: string): number {
  for (let length = Math.min(CLOSE_TAG.length - 1, text.length); length > 0; length--) {
    if (CLOSE_TAG.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

/**
 * Whether a stream's first content, in `auto` reasoning mode, came through a reasoning parser after all:
 * a parser emits a blank line first when the model skipped thinking altogether.
 */
export function opensWithBlankLine(text: string): boolean {
  return /^\s*\n\s*\n/.test(text) && !text.trimStart().startsWith("<");
}
