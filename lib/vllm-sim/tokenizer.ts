/**
 * A stand-in for the Qwen2 BPE tokenizer: close enough for context-length accounting and
 * for streaming realistic word-piece deltas, without shipping a 7 MB vocabulary.
 */

export const BOS_TOKEN = "<｜begin▁of▁sentence｜>";
export const EOS_TOKEN = "<｜end▁of▁sentence｜>";
export const USER_TOKEN = "<｜User｜>";
export const ASSISTANT_TOKEN = "<｜Assistant｜>";
export const THINK_START_TOKEN = "<think>";
export const THINK_END_TOKEN = "</think>";
export const TOOL_OUTPUTS_BEGIN_TOKEN = "<｜tool▁outputs▁begin｜>";
export const TOOL_OUTPUTS_END_TOKEN = "<｜tool▁outputs▁end｜>";
export const TOOL_OUTPUT_BEGIN_TOKEN = "<｜tool▁output▁begin｜>";
export const TOOL_OUTPUT_END_TOKEN = "<｜tool▁output▁end｜>";

const SPECIAL_TOKENS = [
  BOS_TOKEN,
  EOS_TOKEN,
  USER_TOKEN,
  ASSISTANT_TOKEN,
  THINK_START_TOKEN,
  THINK_END_TOKEN,
  TOOL_OUTPUTS_BEGIN_TOKEN,
  TOOL_OUTPUTS_END_TOKEN,
  TOOL_OUTPUT_BEGIN_TOKEN,
  TOOL_OUTPUT_END_TOKEN,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const PIECE_PATTERN = new RegExp(
  [
    ...SPECIAL_TOKENS.map(escapeRegExp),
    String.raw`\\[A-Za-z]+`, // LaTeX command
    String.raw`\\.`, // LaTeX delimiter or escaped symbol: \( \[ \\ …
    String.raw`\p{Script=Han}|[\u3000-\u303f\uff00-\uffef]`, // one CJK character or CJK punctuation
    String.raw` ?[A-Za-z\u00c0-\u024f]{1,8}`, // word piece with its leading space; long words split
    String.raw`\d`, // Qwen2 tokenizes digits one by one
    String.raw` ?[^\sA-Za-z0-9\\]`, // punctuation or any other symbol, with its leading space
    String.raw`\n+`,
    String.raw`[ \t]+`,
    String.raw`\s`,
  ].join("|"),
  "gu",
);

/** Splits text into word pieces whose concatenation is exactly the input. */
export function tokenize(text: string): string[] {
  return text.match(PIECE_PATTERN) ?? [];
}

export function countTokens(text: string): number {
  let count = 0;
  PIECE_PATTERN.lastIndex = 0;
  while (PIECE_PATTERN.exec(text) !== null) count++;
  return count;
}

const CJK_PATTERN = /[\p{Script=Han}\u3040-\u30ff\uac00-\ud7af]/u;

export function containsCjk(text: string): boolean {
  return CJK_PATTERN.test(text);
}
