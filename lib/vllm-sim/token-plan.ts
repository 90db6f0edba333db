import type { Random } from "./prng";
import type { ResponseText } from "./responses";
import { containsCjk, THINK_END_TOKEN, THINK_START_TOKEN, tokenize } from "./tokenizer";

/** The end-of-sentence token decodes to "" (skip_special_tokens), so it streams as an empty delta. */
const EOS_TEXT = "";

/** The generated tokens of one completion, in order. */
export interface TokenPlan {
  tokens: readonly string[];
  /** Position of `</think>`; the reasoning parser splits there. */
  thinkEndIndex: number;
  /** Position of `<think>` when the model opens its thinking itself (the prompt did not). */
  thinkStartIndex?: number;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * Byte-level BPE splits rarer multi-byte characters into several tokens; the partial ones
 * decode to "" and vLLM still streams them, as empty deltas. Symbols are always split here,
 * CJK characters occasionally, so both kinds of client code paths get exercised.
 */
function withPartialUtf8Tokens(pieces: readonly string[], random: Random): string[] {
  const tokens: string[] = [];
  for (const piece of pieces) {
    const splits = !isAscii(piece) && (!containsCjk(piece) || random() < 0.1);
    if (splits) tokens.push("");
    tokens.push(piece);
  }
  return tokens;
}

/** `modelOpensThink`: the prompt did not open `<think>\n`, so R1 writes it first, as it was trained to. */
export function planTokens(response: ResponseText, random: Random, modelOpensThink = false): TokenPlan {
  const reasoning = withPartialUtf8Tokens(tokenize(response.reasoning), random);
  const answer = withPartialUtf8Tokens(tokenize(response.answer), random);
  const opening = modelOpensThink ? [THINK_START_TOKEN, "\n"] : [];
  return {
    tokens: [...opening, ...reasoning, THINK_END_TOKEN, "\n\n", ...answer, EOS_TEXT],
    thinkEndIndex: opening.length + reasoning.length,
    ...(modelOpensThink ? { thinkStartIndex: 0 } : {}),
  };
}
