/** Sampling settings that decide which text a seeded request gets. */
export interface Sampling {
  temperature: number;
  topP: number;
}

/** DeepSeek-R1-Distill's generation_config.json (protocol reference §6). */
const MODEL_GENERATION_CONFIG: Sampling = { temperature: 0.6, topP: 0.95 };
/** vLLM's own defaults: with `--generation-config vllm`, and on every server before 0.8. */
const VLLM_DEFAULTS: Sampling = { temperature: 1, topP: 1 };

/** A value in the request wins; an omitted one comes from the server's defaults. */
export function effectiveSampling(
  request: { temperature?: number | null; top_p?: number | null },
  generationConfigDefaults: boolean,
): Sampling {
  const defaults = generationConfigDefaults ? MODEL_GENERATION_CONFIG : VLLM_DEFAULTS;
  return {
    temperature: request.temperature ?? defaults.temperature,
    topP: request.top_p ?? defaults.topP,
  };
}

/**
 * What sampling adds to a request's text seed. The composed text stands for what the model writes at
 * its recommended settings, so those add nothing (seeded outputs stay as they always were); any other
 * setting samples, and therefore writes, something else.
 */
export function samplingSeedParts({ temperature, topP }: Sampling): number[] {
  const recommended =
    temperature === MODEL_GENERATION_CONFIG.temperature && topP === MODEL_GENERATION_CONFIG.topP;
  return recommended ? [] : [temperature, topP];
}
