import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * A fixed reply that replaces the composed one, for benchmarks and demos that need a particular text
 * (say, a long answer full of maths). It is tokenised and streamed like any other reply.
 */
export const scriptedResponseSchema = z.strictObject({
  /** The thinking trace, streamed before `</think>`. */
  reasoning: z.string(),
  /** The visible answer, streamed after `</think>\n\n`. */
  answer: z.string(),
});

export type ScriptedResponse = z.infer<typeof scriptedResponseSchema>;

/** Reads `{ "reasoning": …, "answer": … }` from a JSON file; throws with the reason if it is not one. */
export function loadScriptedResponse(file: string): ScriptedResponse {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = scriptedResponseSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not { "reasoning": string, "answer": string }`);
  return parsed.data;
}
