import { z } from "zod";
import { describeFetchFailure } from "./network-failure";

/** An OpenAI-compatible server (vLLM): its base URL, ending in /v1, and the API key it wants, if any. */
export interface ModelServer {
  baseURL: string;
  apiKey?: string;
}

export interface ServedModel {
  id: string;
  /** The context length the server enforces; vLLM reports it on /v1/models. */
  maxModelLen: number;
}

/** What went wrong asking /v1/models; each caller words it for its own readers. */
export type ModelLookupFailure =
  | {
      kind: "unreachable";
      url: string;
      /** From describeFetchFailure: why no HTTP answer came. */
      reason: string;
    }
  | { kind: "http"; url: string; status: number }
  | { kind: "malformed"; url: string }
  | { kind: "not_served"; url: string; preferredId: string; served: string[] };

export class ModelLookupError extends Error {
  override name = "ModelLookupError";
  constructor(
    readonly failure: ModelLookupFailure,
    options?: ErrorOptions,
  ) {
    super(`${failure.url}: ${failure.kind}`, options);
  }
}

const modelsResponseSchema = z.object({
  data: z
    .array(z.object({ id: z.string().min(1), max_model_len: z.number().int().positive().optional() }))
    .min(1, "the server lists no models"),
});

/** Used when a server's /v1/models omits max_model_len (non-vLLM servers): Qwen2.5's own context limit. */
const FALLBACK_MAX_MODEL_LEN = 16_384;

/** vLLM serves /health, /metrics and /version beside /v1, not under it. */
export function serverRoot(server: Pick<ModelServer, "baseURL">): string {
  return server.baseURL.replace(/\/v1$/, "");
}

export function authHeaders(server: Pick<ModelServer, "apiKey">): Record<string, string> {
  return server.apiKey ? { Authorization: `Bearer ${server.apiKey}` } : {};
}

/**
 * Asks the server's /v1/models which model it serves: `preferredId` if given (and served), else the first
 * one listed. Fails with a ModelLookupError.
 */
export async function lookUpServedModel(
  server: ModelServer,
  options: { preferredId?: string; timeoutMs: number },
): Promise<ServedModel> {
  const { preferredId } = options;
  const url = `${server.baseURL}/models`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: authHeaders(server),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    throw new ModelLookupError(
      { kind: "unreachable", url, reason: describeFetchFailure(error) },
      { cause: error },
    );
  }
  if (!response.ok) throw new ModelLookupError({ kind: "http", url, status: response.status });
  const parsed = modelsResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new ModelLookupError({ kind: "malformed", url });
  const cards = parsed.data.data;
  const card = preferredId ? cards.find((candidate) => candidate.id === preferredId) : cards[0];
  if (!card) {
    const served = cards.map((candidate) => candidate.id);
    throw new ModelLookupError({ kind: "not_served", url, preferredId: preferredId as string, served });
  }
  return { id: card.id, maxModelLen: card.max_model_len ?? FALLBACK_MAX_MODEL_LEN };
}
