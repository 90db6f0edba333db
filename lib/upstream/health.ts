import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { authHeaders, serverRoot } from "./model-server";
import { describeFetchFailure } from "./network-failure";
import { fetchServedModel } from "./served-model";
import { resolveUpstream } from "./upstream";

export interface HealthReport {
  status: "ok" | "degraded";
  app: { uptimeSeconds: number; node: string };
  upstream: {
    simulated: boolean;
    healthy: boolean;
    latencyMs: number;
    model?: string;
    maxModelLen?: number;
    version?: string;
    error?: string;
  };
}

const CHECK_TIMEOUT_MS = 3_000;

/** The app's own state plus the upstream's, from vLLM's /health, /v1/models and /version. */
export async function checkHealth(config: AppConfig = getConfig()): Promise<HealthReport> {
  const upstream = await resolveUpstream(config);
  const started = performance.now();
  const report: HealthReport["upstream"] = { simulated: upstream.simulated, healthy: false, latencyMs: 0 };
  try {
    const response = await fetch(`${serverRoot(upstream)}/health`, {
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    report.latencyMs = round(performance.now() - started);
    if (!response.ok) {
      report.error = `the model server's /health answered HTTP ${response.status}`;
    } else {
      const [model, version] = await Promise.all([
        fetchServedModel(upstream, config.VLLM_MODEL),
        fetch(`${serverRoot(upstream)}/version`, {
          headers: authHeaders(upstream),
          signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
        })
          .then((res) => (res.ok ? res.json() : undefined))
          .then((body: { version?: unknown } | undefined) =>
            typeof body?.version === "string" ? body.version : undefined,
          )
          .catch(() => undefined),
      ]);
      Object.assign(report, { healthy: true, model: model.id, maxModelLen: model.maxModelLen, version });
    }
  } catch (error) {
    report.latencyMs = round(performance.now() - started);
    report.error =
      error instanceof AppError
        ? error.message
        : `cannot reach the model server: ${describeFetchFailure(error)}`;
  }
  return {
    status: report.healthy ? "ok" : "degraded",
    app: { uptimeSeconds: Math.round(process.uptime()), node: process.version },
    upstream: report,
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
