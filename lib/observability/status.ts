import "server-only";
import { checkHealth, type HealthReport } from "@/lib/observability/health";
import { readUpstreamLoad, type UpstreamLoad } from "@/lib/upstream/load";
import { resolveUpstream } from "@/lib/upstream/upstream";
import { type RecentLatency, recentLatency } from "./recent-answers";

export interface StatusReport {
  at: number;
  health: HealthReport;
  load: UpstreamLoad | null;
  recent: RecentLatency;
}

/** Everything /status shows: the upstream's health and load, and this server's recent latency. */
export async function statusReport(): Promise<StatusReport> {
  const [health, load] = await Promise.all([
    checkHealth(),
    resolveUpstream()
      .then(readUpstreamLoad)
      .catch(() => null),
  ]);
  return { at: Date.now(), health, load, recent: recentLatency() };
}
