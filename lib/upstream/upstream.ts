import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import { builtinSimulator } from "./builtin-simulator";
import type { ModelServer } from "./model-server";

export interface Upstream extends ModelServer {
  simulated: boolean;
}

export async function resolveUpstream(config: AppConfig = getConfig()): Promise<Upstream> {
  if (config.VLLM_BASE_URL) {
    return { baseURL: config.VLLM_BASE_URL, apiKey: config.VLLM_API_KEY, simulated: false };
  }
  const simulator = await builtinSimulator(config);
  return { baseURL: `${simulator.url}/v1`, simulated: true };
}
