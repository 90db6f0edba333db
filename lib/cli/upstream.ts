import {
  lookUpServedModel,
  ModelLookupError,
  type ModelLookupFailure,
  type ModelServer,
  type ServedModel,
} from "@/lib/upstream/model-server";
import { startSimServer } from "@/lib/vllm-sim";
import type { UpstreamTarget } from "./upstream-options";

/** The model server could not be used; the CLI prints the message and exits with status 1. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
}

export interface ConnectedUpstream extends ModelServer {
  model: ServedModel;
  simulated: boolean;
  close(): Promise<void>;
}

const MODELS_TIMEOUT_MS = 10_000;

/** Starts the in-process simulator when the target has no URL, then asks the server which model it serves. */
export async function connectUpstream(target: UpstreamTarget): Promise<ConnectedUpstream> {
  if (target.url) {
    const server = { baseURL: target.url, apiKey: target.apiKey };
    const model = await servedModel(server, target.model);
    return { ...server, model, simulated: false, close: async () => {} };
  }
  const simulator = await startSimServer(target.simulator);
  const baseURL = `${simulator.url}/v1`;
  try {
    const model = await servedModel({ baseURL }, target.model);
    return { baseURL, model, simulated: true, close: () => simulator.close() };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}

async function servedModel(server: ModelServer, preferredId: string | undefined): Promise<ServedModel> {
  try {
    return await lookUpServedModel(server, { preferredId, timeoutMs: MODELS_TIMEOUT_MS });
  } catch (error) {
    throw error instanceof ModelLookupError ? new UpstreamError(describeLookupFailure(error.failure)) : error;
  }
}

function describeLookupFailure(failure: ModelLookupFailure): string {
  switch (failure.kind) {
    case "unreachable":
      return `Cannot reach ${failure.url}: ${failure.reason}.`;
    case "http": {
      const hint = failure.status === 401 ? " Check --api-key or VLLM_API_KEY." : "";
      return `${failure.url} answered HTTP ${failure.status}.${hint}`;
    }
    case "malformed":
      return `${failure.url} did not list any model in the OpenAI format.`;
    case "not_served":
      return `The server does not serve "${failure.preferredId}"; it serves ${failure.served.join(", ")}.`;
  }
}
