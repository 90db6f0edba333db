import { estimateTokens } from "../r1/tokens";

/** Short, with a short answer: R1 thinks briefly and finishes within the doctor's max_tokens. */
export const SHORT_QUESTION = "What is 7 times 8?";

/** Open-ended from the first token, so different sampling settings soon write different text. */
export const SAMPLING_QUESTION = "Make up a quadratic equation with two integer roots and solve it.";

const TOPICS = [
  "the budget",
  "the hiring plan",
  "the office move",
  "the release date",
  "the security review",
  "the customer survey",
  "the training schedule",
  "the supplier contract",
];

/**
 * Meeting notes of about `targetTokens` tokens (by r1-chat's generous estimate, so a little fewer in
 * fact). The nonce up front keeps vLLM's prefix cache from answering for an earlier run's prefill.
 */
export function longPrompt(targetTokens: number, nonce: string): string {
  const lines = [`Meeting notes, reference ${nonce}.`];
  let tokens = estimateTokens(lines[0] as string);
  for (let note = 1; tokens < targetTokens; note++) {
    const line = `Note ${note}: the team discussed ${TOPICS[note % TOPICS.length]} and agreed to revisit it at meeting ${note + 1}.`;
    lines.push(line);
    tokens += estimateTokens(line) + 1;
  }
  lines.push("", "In one sentence: which topic came up most often?");
  return lines.join("\n");
}
