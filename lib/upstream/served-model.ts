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

interface CacheEntry {
  /** Shared by every turn that asks while the lookup is under way. */
  model: Promise<ServedModel>;
  expires: number;
  renewing?: boolean;
}

const KEY = Symbol.for("r1-chat.served-models");
type Holder = { [KEY]?: Map<string, CacheEntry> };

/** One cache per process (start-up fills it, and Next.js may load this module in several bundles). */
function cache(): Map<string, CacheEntry> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * The served model, from a cache: only the first lookup waits for the upstream, and turns that start
 * together share it, so a burst of questions is not a burst of /v1/models requests. Once an entry is older
 * than CACHE_MS it is still answered from the cache while one background lookup renews it; a failed lookup
 * or renewal drops the entry, so the next turn asks again.
 */
export async function servedModel(upstream: Upstream, preferredId?: string): Promise<ServedModel> {
  const key = `${upstream.baseURL} ${preferredId ?? ""}`;
  const entries = cache();
  const hit = entries.get(key);
  if (!hit) return lookUp(entries, key, upstream, preferredId);
  if (hit.expires <= Date.now() && !hit.renewing) {
    hit.renewing = true;
    lookUp(entries, key, upstream, preferredId, hit).catch(() => undefined);
  }
  return hit.model;
}

/** Looks the model up; the entry is replaced on success (or at once, when there is none to keep serving). */
function lookUp(
  entries: Map<string, CacheEntry>,
  key: string,
  upstream: Upstream,
  preferredId: string | undefined,
  stale?: CacheEntry,
): Promise<ServedModel> {
  const model = fetchServedModel(upstream, preferredId);
  const entry: CacheEntry = { model, expires: Date.now() + CACHE_MS };
  if (stale)
    model.then(
      () => void entries.set(key, entry),
      () => undefined,
    );
  else entries.set(key, entry);
  model.catch(() => {
    const current = entries.get(key);
    if (current === entry || current === stale) entries.delete(key);
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
