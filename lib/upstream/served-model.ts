import "server-only";
import { AppError } from "@/lib/errors";
import {
  lookUpServedModel,
  ModelLookupError,
  type ModelLookupFailure,
  type ServedModel,
} from "./model-server";
import type { Upstream } from "./upstream";

const CACHE_MS = 30_000;
const TIMEOUT_MS = 5_000;

const cache = new Map<string, { model: Promise<ServedModel>; expires: number }>();

/**
 * The served model, asked at most once per CACHE_MS: turns that start together while the entry is stale
 * share one lookup, so a burst of questions does not become a burst of /v1/models requests.
 */
export async function servedModel(upstream: Upstream, preferredId?: string): Promise<ServedModel> {
  const key = `${upstream.baseURL} ${preferredId ?? ""}`;
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.model;
  const model = fetchServedModel(upstream, preferredId);
  cache.set(key, { model, expires: Date.now() + CACHE_MS });
  // A failed lookup is not kept: the next turn asks again.
  model.catch(() => {
    if (cache.get(key)?.model === model) cache.delete(key);
  });
  return model;
}

export async function fetchServedModel(upstream: Upstream, preferredId?: string): Promise<ServedModel> {
  try {
    return await lookUpServedModel(upstream, { preferredId, timeoutMs: TIMEOUT_MS });
  } catch (error) {
    throw error instanceof ModelLookupError ? appError(error.failure) : error;
  }
}

function appError(failure: ModelLookupFailure): AppError {
  switch (failure.kind) {
    case "unreachable":
      return new AppError("upstream_unreachable", `Cannot reach the model server: ${failure.reason}.`);
    case "http":
      return new AppError(
        "upstream_rejected",
        failure.status === 401
          ? "The model server refused our API key (HTTP 401). Check VLLM_API_KEY."
          : `The model server answered HTTP ${failure.status} when asked which model it serves.`,
      );
    case "malformed":
      return new AppError(
        "upstream_failed",
        "The model server's /v1/models answer is not OpenAI-compatible.",
      );
    case "not_served":
      return new AppError(
        "upstream_rejected",
        `The model server does not serve "${failure.preferredId}" (it serves ${failure.served.join(", ")}). Check VLLM_MODEL.`,
      );
  }
}
