import { formatMs } from "../format-ms";
import type { Finding, StreamLatency } from "../types";

/** The article's own threshold for a first token that keeps users waiting. */
const SHORT_TTFT_WARN_MS = 1_000;
/** Prefilling a few thousand tokens of a 1.5B model takes well under a second on any GPU vLLM supports. */
const LONG_TTFT_WARN_MS = 3_000;
/** 20 tokens/s: a 1.5B model decodes several times faster on anything from a T4 up. */
const TPOT_WARN_MS = 50;

const SLOW_DECODE_FIX =
  "Drop `--enforce-eager` (it turns off CUDA graphs, which speed up decoding of small models the most) and check with `nvidia-smi` that nothing else uses the GPU.";
const SLOW_FIRST_TOKEN_FIX =
  "On an idle GPU a short prompt gets its first token within ~100 ms: see whether requests queue (the concurrency check) and whether the GPU is shared (`nvidia-smi`).";
const SLOW_PREFILL_FIX =
  "Give prefill a bigger per-step budget (`--max-num-batched-tokens 8192`) and keep `--enable-prefix-caching` on, so a conversation's history is not prefilled again on every turn.";

function flow(latency: StreamLatency): string {
  const speed = latency.tpotMs
    ? `; ${formatMs(latency.tpotMs)} per token (${Math.round(1000 / latency.tpotMs)} tokens/s)`
    : "";
  return `ITL p50 ${formatMs(latency.itlMs.p50)}, p95 ${formatMs(latency.itlMs.p95)}${speed} over ${latency.completionTokens} tokens`;
}

function verdict(
  id: "latency-short" | "latency-long",
  label: string,
  detail: string,
  problems: { fix: string; what: string }[],
): Finding {
  if (problems.length === 0) return { id, status: "ok", title: `${label}: fast`, detail };
  return {
    id,
    status: "warn",
    title: `${label}: ${problems.map((problem) => problem.what).join(" and ")}`,
    detail,
    fix: problems.map((problem) => problem.fix).join(" "),
  };
}

export function shortLatencyFinding(latency: StreamLatency): Finding {
  const problems = [];
  if (latency.ttftMs > SHORT_TTFT_WARN_MS)
    problems.push({ what: "slow first token", fix: SLOW_FIRST_TOKEN_FIX });
  if ((latency.tpotMs ?? 0) > TPOT_WARN_MS) problems.push({ what: "slow decoding", fix: SLOW_DECODE_FIX });
  const detail = `Time to first token ${formatMs(latency.ttftMs)}; ${flow(latency)}.`;
  return verdict("latency-short", "Short prompt", detail, problems);
}

export function longLatencyFinding(latency: StreamLatency): Finding {
  const problems = [];
  if (latency.ttftMs > LONG_TTFT_WARN_MS) problems.push({ what: "slow prefill", fix: SLOW_PREFILL_FIX });
  if ((latency.tpotMs ?? 0) > TPOT_WARN_MS) problems.push({ what: "slow decoding", fix: SLOW_DECODE_FIX });
  const prompt = latency.promptTokens ?? 0;
  const rate = prompt
    ? ` (${Math.round(prompt / (latency.ttftMs / 1000)).toLocaleString("en-US")} prompt tokens/s)`
    : "";
  const detail = `A ${prompt ? `${prompt.toLocaleString("en-US")}-token ` : "long "}prompt: time to first token ${formatMs(latency.ttftMs)}${rate}; ${flow(latency)}.`;
  return verdict("latency-long", "Long prompt", detail, problems);
}

export function skippedLongFinding(reason: string): Finding {
  return { id: "latency-long", status: "info", title: "Long prompt: not measured", detail: reason };
}
