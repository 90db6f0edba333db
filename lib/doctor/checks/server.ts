import { describeNetworkFailure } from "@/lib/upstream/network-failure";
import { formatMs } from "../format-ms";
import type { ProbeClient } from "../probe-client";
import type { Finding } from "../types";

const PROBE_TIMEOUT_MS = 5_000;

export interface ServerCheck {
  findings: Finding[];
  reachable: boolean;
  version?: string;
}

/** The article's first steps: is the server up (`/health`), and which vLLM is it (`/version`)? */
export async function checkServer(client: ProbeClient): Promise<ServerCheck> {
  const started = performance.now();
  let health: Response;
  try {
    health = await client.getServer("/health", PROBE_TIMEOUT_MS);
  } catch (error) {
    client.deadline.throwIfOver();
    const { reason, fix } = describeNetworkFailure(error, PROBE_TIMEOUT_MS);
    const finding: Finding = {
      id: "reachable",
      status: "fail",
      title: "Server unreachable",
      detail: `Cannot reach ${client.root}: ${reason}.`,
      fix,
    };
    return { findings: [finding], reachable: false };
  }
  // Read the (empty) body so the connection goes back to the pool.
  await health.arrayBuffer().catch(() => undefined);
  const reachable: Finding = {
    id: "reachable",
    status: "ok",
    title: "Server reachable",
    detail: `${client.root}/health answered in ${formatMs(performance.now() - started)}.`,
  };
  const version = await fetchVersion(client);
  return {
    findings: [reachable, healthFinding(health.status), versionFinding(version)],
    reachable: true,
    version,
  };
}

function healthFinding(status: number): Finding {
  if (status === 200) {
    return { id: "health", status: "ok", title: "Engine healthy", detail: "/health answered 200." };
  }
  if (status === 503 || status === 500) {
    return {
      id: "health",
      status: "fail",
      title: "Engine dead",
      detail: `/health answered ${status}: vLLM's engine has stopped (often CUDA out of memory or a crashed worker) and every request will fail.`,
      fix: "Read the end of vLLM's log for the cause, then restart `vllm serve`; if it ran out of memory, lower `--gpu-memory-utilization` or `--max-model-len`.",
    };
  }
  return {
    id: "health",
    status: "warn",
    title: "No vLLM health endpoint",
    detail: `/health answered ${status}. vLLM answers 200 there, so either this is not vLLM or a proxy forwards only /v1.`,
    fix: "Forward /health, /metrics and /version too, or point --url at vLLM itself (e.g. http://host:8000/v1).",
  };
}

async function fetchVersion(client: ProbeClient): Promise<string | undefined> {
  try {
    const response = await client.getServer("/version", PROBE_TIMEOUT_MS);
    const body = (await response.json()) as { version?: unknown };
    return response.ok && typeof body.version === "string" ? body.version : undefined;
  } catch {
    client.deadline.throwIfOver();
    return undefined;
  }
}

function versionAtLeast(version: string, minimum: readonly number[]): boolean {
  const parts = version.split(/[.+-]/).map((part) => Number.parseInt(part, 10));
  for (const [i, wanted] of minimum.entries()) {
    const part = parts[i] ?? 0;
    if (Number.isNaN(part) || part !== wanted) return !Number.isNaN(part) && part > wanted;
  }
  return true;
}

const UPGRADE = "Upgrade vLLM: `pip install -U vllm`.";

export function versionFinding(version: string | undefined): Finding {
  if (!version) {
    return {
      id: "version",
      status: "info",
      title: "vLLM version unknown",
      detail: "/version gave no version: this may not be vLLM, or a proxy forwards only /v1.",
    };
  }
  if (!versionAtLeast(version, [0, 7, 3])) {
    return {
      id: "version",
      status: "warn",
      title: `vLLM ${version} mis-parses R1's reasoning`,
      detail: `Before 0.7.3 the deepseek_r1 parser needs <think> in the output; with DeepSeek's current template (which puts <think> in the prompt) all reasoning lands in content.`,
      fix: UPGRADE,
    };
  }
  if (!versionAtLeast(version, [0, 8, 0])) {
    return {
      id: "version",
      status: "warn",
      title: `vLLM ${version} ignores the model's sampling defaults`,
      detail: `Before 0.8 vLLM does not read generation_config.json: requests without temperature/top_p sample at 1.0/1.0 instead of R1's 0.6/0.95.`,
      fix: UPGRADE,
    };
  }
  return { id: "version", status: "info", title: `vLLM ${version}`, detail: `/version reports ${version}.` };
}
