import { z } from "zod";

const text = z.string().nullish();

/**
 * The fields of one vLLM streaming event the relay reads (protocol reference §1 and §2.3); the rest
 * (ids, logprobs, token ids, fingerprints) pass unchecked. Reasoning arrives as `reasoning` (vLLM ≥ 0.16),
 * `reasoning_content` (≤ 0.11) or both; an error event replaces the whole chunk.
 */
export const vllmEventSchema = z.union([
  z.object({
    choices: z.array(
      z.object({
        delta: z.object({ content: text, reasoning: text, reasoning_content: text }).nullish(),
        finish_reason: text,
      }),
    ),
    usage: z
      .object({
        prompt_tokens: z.number().nullish(),
        completion_tokens: z.number().nullish(),
        completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).nullish(),
      })
      .nullish(),
  }),
  z.object({
    error: z.object({ message: z.string(), code: z.union([z.number(), z.string()]).nullish() }),
  }),
]);

export type VllmEvent = z.infer<typeof vllmEventSchema>;
export type VllmUsage = Extract<VllmEvent, { choices: unknown }>["usage"];

/** The stream broke the protocol: an event that is not a chat completion chunk, or no finish reason. */
export class UpstreamProtocolError extends Error {
  constructor(readonly detail: string) {
    super(`The model server broke the streaming protocol: ${detail}`);
    this.name = "UpstreamProtocolError";
  }
}

/** Parses and validates one SSE `data:` payload. */
export function parseVllmEvent(data: string): VllmEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw new UpstreamProtocolError("an event is not JSON");
  }
  const parsed = vllmEventSchema.safeParse(json);
  if (!parsed.success)
    throw new UpstreamProtocolError(
      `an event is not a chat completion chunk (${z.prettifyError(parsed.error).slice(0, 160)})`,
    );
  return parsed.data;
}
