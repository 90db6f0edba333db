/** What the load client sends: the same question, directly to the simulator and through the BFF. */

export type Route = "direct" | "pipe" | "bff";

export const OUTPUT_TOKENS = 256;
const QUESTION = "Reason step by step, then answer briefly.";

/**
 * A plain-ASCII reply (every token is a non-empty word piece, so none is dropped as an empty delta),
 * longer than OUTPUT_TOKENS so `max_tokens` ends it: reasoning, `</think>`, then the answer.
 */
export const SCRIPTED_REPLY = {
  reasoning: " step".repeat(200),
  answer: " word".repeat(200),
};

export function directBody(model: string): string {
  return JSON.stringify({
    model,
    messages: [{ role: "user", content: QUESTION }],
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: OUTPUT_TOKENS,
  });
}

export function bffBody(conversationId: string, maxTokens = OUTPUT_TOKENS): string {
  return JSON.stringify({
    id: conversationId,
    trigger: "submit-message",
    message: { id: `${conversationId}-q`, role: "user", parts: [{ type: "text", text: QUESTION }] },
    maxTokens,
  });
}

export const PATHS: Record<Route, string> = {
  direct: "/v1/chat/completions",
  pipe: "/v1/chat/completions",
  bff: "/api/chat",
};
