import type { TokenPlan } from "./token-plan";

/**
 * A delta as vLLM's DeltaMessage holds it. Pydantic's `exclude_unset` keeps explicitly set
 * fields, so `undefined` (never set, omitted) and `null` (set to None, sent) differ on the wire.
 */
export interface DeltaText {
  role?: string;
  content?: string | null;
  reasoning?: string | null;
}

export interface MessageText {
  content: string | null;
  reasoning: string | null;
}

const join = (plan: TokenPlan, from: number, to: number) => plan.tokens.slice(from, to).join("");

/**
 * The delta for generated tokens [from, to), following `DeepSeekR1ReasoningParser`: the
 * template opens `<think>` in the prompt, so output starts in reasoning; a lone `</think>`
 * yields no delta (undefined); a batch straddling it is split around it.
 * Without a parser everything, `</think>` included, is content.
 */
export function streamingDelta(
  plan: TokenPlan,
  from: number,
  to: number,
  reasoningParser: boolean,
): DeltaText | undefined {
  if (!reasoningParser) return { content: join(plan, from, to) };
  const end = plan.thinkEndIndex;
  if (to <= end) return { reasoning: join(plan, from, to) };
  if (from > end) return { content: join(plan, from, to) };
  if (to - from === 1) return undefined;
  const after = join(plan, end + 1, to);
  return { content: after || null, reasoning: join(plan, from, end) };
}

/** The final message for the first `generated` tokens, following `extract_reasoning`. */
export function completeMessage(plan: TokenPlan, generated: number, reasoningParser: boolean): MessageText {
  if (!reasoningParser) return { content: join(plan, 0, generated), reasoning: null };
  if (generated <= plan.thinkEndIndex) return { content: null, reasoning: join(plan, 0, generated) };
  return {
    content: join(plan, plan.thinkEndIndex + 1, generated) || null,
    reasoning: join(plan, 0, plan.thinkEndIndex),
  };
}
