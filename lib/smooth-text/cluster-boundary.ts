const ZERO_WIDTH_JOINER = 0x200d;
const FIRST_REGIONAL_INDICATOR = 0x1f1e6;
const LAST_REGIONAL_INDICATOR = 0x1f1ff;

/**
 * Code points drawn as part of the character before them: combining marks (accents, Indic vowel signs,
 * variation selectors), emoji skin tones and the tag characters of subdivision flags. Sticky, so it tests
 * one position of the text without slicing it.
 */
const ATTACHES_TO_PREVIOUS = /\p{M}|\p{Emoji_Modifier}|\u200D|[\u{E0020}-\u{E007F}]/uy;

/**
 * The smallest index ≥ `index` that does not cut through a user-perceived character: never inside a
 * surrogate pair, and not before an accent, a skin tone, the next part of a ZWJ emoji sequence or the
 * second half of a flag. An approximation of Unicode grapheme clusters that costs a few char reads.
 */
export function clusterEnd(text: string, index: number): number {
  let end = Math.max(0, Math.min(index, text.length));
  if (end > 0 && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end++;
  while (end > 0 && end < text.length && continuesCluster(text, end)) {
    end += codePointLength(text, end);
  }
  return end;
}

function continuesCluster(text: string, index: number): boolean {
  ATTACHES_TO_PREVIOUS.lastIndex = index;
  if (ATTACHES_TO_PREVIOUS.test(text)) return true;
  if (text.charCodeAt(index - 1) === ZERO_WIDTH_JOINER) return true;
  return isRegionalIndicator(text, index) && regionalIndicatorsBefore(text, index) % 2 === 1;
}

function regionalIndicatorsBefore(text: string, index: number): number {
  let count = 0;
  for (let at = index - 2; at >= 0 && isRegionalIndicator(text, at); at -= 2) count++;
  return count;
}

function isRegionalIndicator(text: string, index: number): boolean {
  const codePoint = text.codePointAt(index) ?? 0;
  return codePoint >= FIRST_REGIONAL_INDICATOR && codePoint <= LAST_REGIONAL_INDICATOR;
}

function codePointLength(text: string, index: number): number {
  return (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
