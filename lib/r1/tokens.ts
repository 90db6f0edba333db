const CJK_CHAR = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/g;
const DIGIT = /\d/g;

/**
 * A deliberately generous token estimate used to bound max_tokens before the upstream sees the request.
 * Qwen's tokenizer (which the R1 distills use) writes every digit as its own token and about one token per
 * CJK character; LaTeX-heavy text averages close to 3 characters per token, prose nearer 4.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(CJK_CHAR)?.length ?? 0;
  const digits = text.match(DIGIT)?.length ?? 0;
  const rest = text.length - cjk - digits;
  return cjk + digits + Math.ceil(rest / 3);
}

/**
 * Room kept free on top of the estimate, since an estimate can still fall short of the real tokenizer:
 * a prompt that overflows the context makes vLLM refuse the whole request.
 */
export function safetyMargin(promptTokensEstimate: number): number {
  return 16 + Math.ceil(promptTokensEstimate * 0.1);
}

/** Role markers and the generation prompt of the R1 template add a few tokens per turn. */
export const TEMPLATE_TOKENS_PER_TURN = 2;
export const TEMPLATE_TOKENS_FIXED = 4;
