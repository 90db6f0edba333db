import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeFetchFailure } from "./describe-error";
import { authHeaders, type Upstream } from "./upstream";

const modelsResponseSchema = z.object({
  data: z
    .array(z.object({ id: z.string().min(1), max_model_len: z.number().int().positive().optional() }))
    .min(1, "the server lists no models"),
});

export interface ServedModel {
  id: string;
  /** The context length the server enforces; vLLM reports it on /v1/models. */
  maxModelLen: number;
}

/** Used when a server's /v1/models omits max_model_len (non-vLLM servers): the tokenizer's own limit. */
const FALLBACK_MAX_MODEL_LEN = 16_384;
const CACHE_MS = 30_000;
const TIMEOUT_MS = 5_000;

const cache = new Map<string, { model: ServedModel; expires: number }>();

export async function servedModel(upstream: Upstream, preferredId?: string): Promise<ServedModel> {
  const key = `${upstream.baseURL} ${preferredId ?? ""}`;
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.model;
  const model = await fetchServedModel(upstream, preferredId);
  cache.set(key, { model, expires: Date.now() + CACHE_MS });
  return model;
}

export async function fetchServedModel(upstream: Upstream, preferredId?: string): Promise<ServedModel> {
  let response: Response;
  try {
    response = await fetch(`${upstream.baseURL}/models`, {
      headers: authHeaders(upstream),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError(
      "upstream_unreachable",
      `Cannot reach the model server: ${describeFetchFailure(error)}.`,
    );
  }
  if (!response.ok) {
    throw new AppError(
      "upstream_rejected",
      response.status === 401
        ? "The model server refused our API key (HTTP 401). Check VLLM_API_KEY."
        : `The model server answered HTTP ${response.status} when asked which model it serves.`,
    );
  }
  const parsed = modelsResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new AppError("upstream_failed", "The model server's /v1/models answer is not OpenAI-compatible.");
  }
  const cards = parsed.data.data;
  const card = preferredId ? cards.find((candidate) => candidate.id === preferredId) : cards[0];
  if (!card) {
    throw new AppError(
      "upstream_rejected",
      `The model server does not serve "${preferredId}" (it serves ${cards.map((c) => c.id).join(", ")}). Check VLLM_MODEL.`,
    );
  }
  return { id: card.id, maxModelLen: card.max_model_len ?? FALLBACK_MAX_MODEL_LEN };
}
