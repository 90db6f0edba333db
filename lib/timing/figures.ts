import type { TimingSnapshot } from "./stream-timer";

export interface TokenRates {
  thinkingPerSecond?: number;
  answerPerSecond?: number;
  /** True when token counts are estimated from chunk counts instead of the upstream's usage. */
  estimated: boolean;
  tokensPerChunk?: number;
}

export interface Usage {
  completionTokens?: number;
  reasoningTokens?: number;
}

/**
 * Tokens per second for each phase. The upstream's usage gives the exact total; the split between
 * reasoning and answer is exact only when it reports reasoning tokens, otherwise it follows the chunk
 * counts. Without usage (still streaming), one chunk counts as one token, labelled as an estimate.
 */
export function tokenRates(bff: TimingSnapshot, usage?: Usage): TokenRates {
  const chunks = bff.chunks.reasoning + bff.chunks.answer;
  const total = usage?.completionTokens;
  let reasoningTokens = bff.chunks.reasoning;
  let answerTokens = bff.chunks.answer;
  let estimated = true;
  if (total !== undefined && chunks > 0) {
    // Providers without reasoning-token details report 0; that is "unknown" when reasoning did stream.
    const reportedReasoning = usage?.reasoningTokens;
    if (reportedReasoning !== undefined && (reportedReasoning > 0 || bff.chunks.reasoning === 0)) {
      reasoningTokens = reportedReasoning;
      answerTokens = total - reportedReasoning;
      estimated = false;
    } else {
      reasoningTokens = (total * bff.chunks.reasoning) / chunks;
      answerTokens = total - reasoningTokens;
    }
  }
  const rate = (tokens: number, ms?: number) =>
    ms && ms > 0 && tokens > 0 ? (tokens * 1000) / ms : undefined;
  return {
    thinkingPerSecond: rate(reasoningTokens, bff.phases.thinkingMs),
    answerPerSecond: rate(answerTokens, bff.phases.answeringMs),
    estimated,
    tokensPerChunk: total !== undefined && chunks > 0 ? total / chunks : undefined,
  };
}

/** More than this many tokens per chunk on average means the stream arrives in lumps. */
export const LUMPY_TOKENS_PER_CHUNK = 4;

export type ChunkingVerdict = "smooth" | "upstream-lumps" | "proxy-buffering";

/**
 * Where lumps come from: the upstream (vLLM's --stream-interval, or a buffering proxy before the BFF)
 * sends many tokens per chunk; or a proxy between the BFF and the browser delivers many of the BFF's
 * chunks per network read.
 */
export function chunkingVerdict(
  tokensPerChunk: number | undefined,
  browser: { chunks: number; reads: number; resumed: boolean } | undefined,
): ChunkingVerdict {
  if (tokensPerChunk !== undefined && tokensPerChunk > LUMPY_TOKENS_PER_CHUNK) return "upstream-lumps";
  if (
    browser &&
    !browser.resumed &&
    browser.reads > 0 &&
    browser.chunks / browser.reads > LUMPY_TOKENS_PER_CHUNK
  ) {
    return "proxy-buffering";
  }
  return "smooth";
}
