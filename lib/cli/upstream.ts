import { z } from "zod";
import { describeFetchFailure } from "@/lib/upstream/describe-error";
import { startSimServer } from "@/lib/vllm-sim";
import type { UpstreamTarget } from "./upstream-options";

/** The model server could not be used; the CLI prints the message and exits with status 1. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
}

export interface ModelCard {
  id: string;
  maxModelLen: number;
}

export interface ConnectedUpstream {
  /** OpenAI-compatible base URL, ending in /v1. */
  baseURL: string;
  apiKey?: string;
  model: ModelCard;
  simulated: boolean;
  close(): Promise<void>;
}

const modelsResponseSchema = z.object({
  data: z
    .array(z.object({ id: z.string().min(1), max_model_len: z.number().int().positive().optional() }))
    .min(1),
});

/** For servers whose /v1/models omits max_model_len (non-vLLM): Qwen2.5's own context limit. */
const FALLBACK_MAX_MODEL_LEN = 16_384;
const MODELS_TIMEOUT_MS = 10_000;

/** Starts the in-process simulator when the target has no URL, then asks the server which model it serves. */
export async function connectUpstream(target: UpstreamTarget): Promise<ConnectedUpstream> {
  if (target.url) {
    const model = await fetchModelCard(target.url, target.apiKey, target.model);
    return { baseURL: target.url, apiKey: target.apiKey, model, simulated: false, close: async () => {} };
  }
  const simulator = await startSimServer(target.simulator);
  const baseURL = `${simulator.url}/v1`;
  try {
    const model = await fetchModelCard(baseURL, undefined, target.model);
    return { baseURL, model, simulated: true, close: () => simulator.close() };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}

async function fetchModelCard(
  baseURL: string,
  apiKey: string | undefined,
  preferredId: string | undefined,
): Promise<ModelCard> {
  const url = `${baseURL}/models`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(MODELS_TIMEOUT_MS),
    });
  } catch (error) {
    throw new UpstreamError(`Cannot reach ${url}: ${describeFetchFailure(error)}.`);
  }
  if (!response.ok) {
    const hint = response.status === 401 ? " Check --api-key or VLLM_API_KEY." : "";
    throw new UpstreamError(`${url} answered HTTP ${response.status}.${hint}`);
  }
  const parsed = modelsResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new UpstreamError(`${url} did not list any model in the OpenAI format.`);
  const cards = parsed.data.data;
  const card = preferredId ? cards.find((candidate) => candidate.id === preferredId) : cards[0];
  if (!card) {
    const served = cards.map((candidate) => candidate.id).join(", ");
    throw new UpstreamError(`The server does not serve "${preferredId}"; it serves ${served}.`);
  }
  return { id: card.id, maxModelLen: card.max_model_len ?? FALLBACK_MAX_MODEL_LEN };
}
