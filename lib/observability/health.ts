import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import { getChatStore } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGenerationHub } from "@/lib/generation";
import { authHeaders, serverRoot } from "@/lib/upstream/model-server";
import { describeFetchFailure } from "@/lib/upstream/network-failure";
import { fetchServedModel } from "@/lib/upstream/served-model";
import { resolveUpstream } from "@/lib/upstream/upstream";

/** A dependency the app cannot serve without: its round trip, or why it failed (no address, no secret). */
export interface DependencyHealth {
  kind: string;
  healthy: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthDependencies {
  storage: () => Promise<{ kind: string; ping(): Promise<void> }>;
  sharedState: () => Promise<{ kind: string; ping(): Promise<void> }>;
}

const defaultDependencies: HealthDependencies = {
  storage: getChatStore,
  sharedState: () => getGenerationHub(),
};

export interface HealthReport {
  status: "ok" | "degraded";
  app: { uptimeSeconds: number; node: string };
  /** Where conversations are stored: SQLite or PostgreSQL. */
  storage: DependencyHealth;
  /** Where running answers are shared between instances: memory (one instance) or Redis. */
  sharedState: DependencyHealth;
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

/**
 * The app's own state, its storage and shared state (one round trip each), and the upstream's, from
 * vLLM's /health, /v1/models and /version. Degraded when any of them fails.
 */
export async function checkHealth(
  config: AppConfig = getConfig(),
  dependencies: HealthDependencies = defaultDependencies,
): Promise<HealthReport> {
  const [upstream, storage, sharedState] = await Promise.all([
    checkUpstream(config),
    checkDependency(dependencies.storage, config.DATABASE_URL ? "postgres" : "sqlite"),
    checkDependency(dependencies.sharedState, config.REDIS_URL ? "redis" : "memory"),
  ]);
  return {
    status: upstream.healthy && storage.healthy && sharedState.healthy ? "ok" : "degraded",
    app: { uptimeSeconds: Math.round(process.uptime()), node: process.version },
    storage,
    sharedState,
    upstream,
  };
}

async function checkDependency(
  open: () => Promise<{ kind: string; ping(): Promise<void> }>,
  configuredKind: string,
): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut), CHECK_TIMEOUT_MS);
  });
  try {
    const dependency = await Promise.race([open(), timeout]);
    await Promise.race([dependency.ping(), timeout]);
    return { kind: dependency.kind, healthy: true, latencyMs: round(performance.now() - started) };
  } catch (error) {
    // Driver messages can carry host names and ports: only the error code, or the timeout, is reported.
    const code = (error as { code?: unknown }).code;
    const reason = error === timedOut ? timedOut.message : typeof code === "string" ? code : "failed";
    return {
      kind: configuredKind,
      healthy: false,
      latencyMs: round(performance.now() - started),
      error: `${configuredKind} did not answer: ${reason}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

async function checkUpstream(config: AppConfig): Promise<HealthReport["upstream"]> {
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
    report.error = AppError.is(error)
      ? error.message
      : `cannot reach the model server: ${describeFetchFailure(error)}`;
  }
  return report;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
