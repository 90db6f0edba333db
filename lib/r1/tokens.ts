const CJK_CHAR = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;

/**
 * A deliberately generous token estimate (Qwen's tokenizer averages ~4 characters per English token and
 * about one token per CJK character) used to bound max_tokens before the upstream sees the request.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const rest = text.length - cjk;
  return cjk + Math.ceil(rest / 3.5);
}

/** Role markers and the generation prompt of the R1 template add a few tokens per turn. */
export const TEMPLATE_TOKENS_PER_TURN = 2;
export const TEMPLATE_TOKENS_FIXED = 4;
