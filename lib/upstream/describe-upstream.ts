import "server-only";
import { getConfig } from "@/lib/config";
import { servedModel } from "./served-model";
import { resolveUpstream } from "./upstream";

export interface UpstreamSummary {
  simulated: boolean;
  /** Undefined while the model server cannot be reached; the page still loads and says so. */
  model?: string;
}

/** What the page may know about the upstream: never its address or key. */
export async function describeUpstream(): Promise<UpstreamSummary> {
  const config = getConfig();
  const upstream = await resolveUpstream(config);
  const model = await servedModel(upstream, config.VLLM_MODEL).catch(() => undefined);
  return { simulated: upstream.simulated, model: model?.id ?? config.VLLM_MODEL };
}
