import type { StreamEvent } from "./sse-recorder";

/** Which delta field carried the reasoning: it tells the parser and, roughly, the vLLM release. */
export type ReasoningField = "reasoning" | "reasoning_content" | "both" | "none";

export interface ReasoningObservation {
  field: ReasoningField;
  /** Reasoning from either field. */
  reasoning: string;
  content: string;
  /** Which kind of text came first, ignoring empty deltas. */
  firstText?: "reasoning" | "content";
  finishReason?: string;
  completionTokens?: number;
}

export function observeReasoning(events: readonly StreamEvent[]): ReasoningObservation {
  let sawReasoning = false;
  let sawReasoningContent = false;
  let reasoning = "";
  let content = "";
  let firstText: ReasoningObservation["firstText"];
  let finishReason: string | undefined;
  let completionTokens: number | undefined;
  for (const { chunk } of events) {
    completionTokens = chunk.usage?.completion_tokens ?? completionTokens;
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    finishReason = choice.finish_reason ?? finishReason;
    const delta = choice.delta ?? {};
    if (typeof delta.reasoning === "string") sawReasoning = true;
    if (typeof delta.reasoning_content === "string") sawReasoningContent = true;
    // 0.11.1–0.15 copy `reasoning` into `reasoning_content`; count the text once.
    const reasoningText = delta.reasoning ?? delta.reasoning_content ?? "";
    const contentText = delta.content ?? "";
    if (!firstText && reasoningText) firstText = "reasoning";
    if (!firstText && contentText) firstText = "content";
    reasoning += reasoningText;
    content += contentText;
  }
  let field: ReasoningField = "none";
  if (sawReasoning && sawReasoningContent) field = "both";
  else if (sawReasoning) field = "reasoning";
  else if (sawReasoningContent) field = "reasoning_content";
  return { field, reasoning, content, firstText, finishReason, completionTokens };
}
