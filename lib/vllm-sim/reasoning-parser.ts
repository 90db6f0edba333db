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
 * The delta for generated tokens [from, to), following `DeepSeekR1ReasoningParser`: a lone `<think>`
 * or `</think>` yields no delta (undefined); a batch straddling `</think>` is split around it.
 * Usually the template opens `<think>` in the prompt, so output starts in reasoning. When the model
 * writes `<think>` itself, the base class handles the delta holding it: reasoning is the text between
 * the tags if `</think>` is there too, else the whole delta text, `<think>` included, as vLLM does.
 * Without a parser everything, tags included, is content.
 */
export function streamingDelta(
  plan: TokenPlan,
  from: number,
  to: number,
  reasoningParser: boolean,
): DeltaText | undefined {
  if (!reasoningParser) return { content: join(plan, from, to) };
  const start = plan.thinkStartIndex;
  const end = plan.thinkEndIndex;
  if (to - from === 1 && (from === start || from === end)) return undefined;
  if (start !== undefined && from <= start && start < to) {
    if (to <= end) return { reasoning: join(plan, from, to) };
    return { content: join(plan, end + 1, to) || null, reasoning: join(plan, start + 1, end) };
  }
  if (to <= end) return { reasoning: join(plan, from, to) };
  if (from > end) return { content: join(plan, from, to) };
  const after = join(plan, end + 1, to);
  return { content: after || null, reasoning: join(plan, from, end) };
}

/**
 * The final message for the first `generated` tokens, following `extract_reasoning`: everything up to
 * and including a generated `<think>` is dropped, then the text splits at `</think>`.
 */
export function completeMessage(plan: TokenPlan, generated: number, reasoningParser: boolean): MessageText {
  if (!reasoningParser) return { content: join(plan, 0, generated), reasoning: null };
  const start = plan.thinkStartIndex;
  const from = start !== undefined && generated > start ? start + 1 : 0;
  if (generated <= plan.thinkEndIndex) return { content: null, reasoning: join(plan, from, generated) };
  return {
    content: join(plan, plan.thinkEndIndex + 1, generated) || null,
    reasoning: join(plan, from, plan.thinkEndIndex),
  };
}
