import { percentiles } from "@/lib/stats";
import type { ChatChunk, StreamEvent } from "./sse-recorder";
import type { StreamLatency } from "./types";

/** A chunk that carried generated tokens, and when it arrived. */
export interface TokenChunk {
  at: number;
  tokens: number;
}

export interface TokenTimeline {
  chunks: TokenChunk[];
  completionTokens: number;
  promptTokens?: number;
  /** Per-chunk counts come from `continuous_usage_stats`; otherwise every chunk gets the average. */
  exact: boolean;
  /** Arrival of the first event: vLLM sends the role chunk together with the first token. */
  firstEventAt?: number;
  finishReason?: string;
}

type Choice = NonNullable<ChatChunk["choices"]>[number];

/**
 * Every chunk after the role chunk stands for generated tokens, empty deltas included (partial UTF-8),
 * and so does the finish chunk, whose delta may be `{}`.
 */
function carriesTokens(choice: Choice): boolean {
  const delta = choice.delta;
  if (delta?.role !== undefined) return false;
  if (choice.finish_reason) return true;
  return [delta?.content, delta?.reasoning, delta?.reasoning_content].some(
    (text) => typeof text === "string",
  );
}

export function tokenTimeline(events: readonly StreamEvent[]): TokenTimeline {
  const chunks: TokenChunk[] = [];
  let exact = true;
  let counted = 0;
  let reported: number | undefined;
  let promptTokens: number | undefined;
  let firstEventAt: number | undefined;
  let finishReason: string | undefined;
  for (const { at, chunk } of events) {
    const running = chunk.usage?.completion_tokens;
    if (running !== undefined) reported = running;
    promptTokens = chunk.usage?.prompt_tokens ?? promptTokens;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    firstEventAt ??= at;
    finishReason = choice.finish_reason ?? finishReason;
    if (!carriesTokens(choice)) {
      counted = running ?? counted;
      continue;
    }
    if (running === undefined) exact = false;
    chunks.push({ at, tokens: running === undefined ? 1 : running - counted });
    counted = running ?? counted;
  }
  const completionTokens = reported ?? chunks.length;
  if (!exact && chunks.length > 0) {
    const average = completionTokens / chunks.length;
    for (const chunk of chunks) chunk.tokens = average;
  }
  return { chunks, completionTokens, promptTokens, exact, firstEventAt, finishReason };
}

export function streamLatency(timeline: TokenTimeline): StreamLatency | undefined {
  const { chunks, completionTokens, firstEventAt } = timeline;
  const first = chunks[0];
  const last = chunks.at(-1);
  if (firstEventAt === undefined || !first || !last) return undefined;
  const gaps = chunks.slice(1).map((chunk, i) => chunk.at - (chunks[i] as TokenChunk).at);
  return {
    promptTokens: timeline.promptTokens,
    completionTokens,
    ttftMs: firstEventAt,
    itlMs: percentiles(gaps) ?? { p50: 0, p95: 0 },
    tpotMs: completionTokens > 1 ? (last.at - first.at) / (completionTokens - 1) : undefined,
  };
}
