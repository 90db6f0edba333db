import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import { builtinSimulator } from "./builtin-simulator";

export interface Upstream {
  /** OpenAI-compatible base URL, ending in /v1. */
  baseURL: string;
  apiKey?: string;
  simulated: boolean;
}

export async function resolveUpstream(config: AppConfig = getConfig()): Promise<Upstream> {
  if (config.VLLM_BASE_URL) {
    return { baseURL: config.VLLM_BASE_URL, apiKey: config.VLLM_API_KEY, simulated: false };
  }
  const simulator = await builtinSimulator(config);
  return { baseURL: `${simulator.url}/v1`, simulated: true };
}

/** vLLM serves /health, /metrics and /version beside /v1, not under it. */
export function serverRoot(upstream: Upstream): string {
  return upstream.baseURL.replace(/\/v1$/, "");
}

export function authHeaders(upstream: Upstream): Record<string, string> {
  return upstream.apiKey ? { Authorization: `Bearer ${upstream.apiKey}` } : {};
}
