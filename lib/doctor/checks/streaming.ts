import type { DeliveryStats, DeliveryVerdict } from "../delivery";
import { formatMs } from "../format-ms";
import type { RecordedStream } from "../sse-recorder";
import type { Finding } from "../types";

const BUFFERING_FIX =
  "Stop the buffering where the stream passes a proxy: nginx `proxy_buffering off;` in the location that proxies vLLM (a response header `X-Accel-Buffering: no` does the same per response) and `gzip off;` there; other proxies, CDNs and load balancers: turn off response buffering and compression for text/event-stream.";
const SOURCE_FIX =
  "Drop `--stream-interval` (or set it to 1) so vLLM sends each token as it is generated. Without that flag, the API server lags behind the engine and merges outputs: give it CPU (`--api-server-count 2`) or less load.";

const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function transitDetail(stats: DeliveryStats): string {
  return `${percent(stats.lumpedChunkShare)} of ${stats.chunks} chunks arrived in bursts (median ${stats.medianChunksPerDelivery} at once; pauses p50 ${formatMs(stats.gapMs.p50)}, p95 ${formatMs(stats.gapMs.p95)}), though each carries ${plural(stats.medianTokensPerChunk, "token")}: whole events are held back and released together. That is a buffering proxy, not vLLM's --stream-interval, which would pack many tokens into each event instead.`;
}

function sourceDetail(stats: DeliveryStats): string {
  return `Each SSE event carries a median ${stats.medianTokensPerChunk} tokens (${stats.tokens} tokens in ${stats.chunks} events): vLLM batches them itself, through \`--stream-interval ${Math.round(stats.medianTokensPerChunk)}\` or by merging outputs when its API server falls behind. A proxy would pass events through whole rather than merge them.`;
}

/** Does text reach the reader token by token, the way vLLM sends it? */
export function bufferingFinding(
  stream: RecordedStream,
  stats: DeliveryStats,
  verdict: DeliveryVerdict,
): Finding {
  const estimated = stats.exactTokenCounts
    ? ""
    : " (Tokens per event are estimated: the server ignores continuous_usage_stats.)";
  if (!verdict.judged) {
    return {
      id: "stream-buffering",
      status: "info",
      title: "Stream flow: too short to judge",
      detail: `Only ${plural(stats.tokens, "token")} arrived.`,
    };
  }
  if (verdict.allAtOnce) {
    const length = stream.headers.contentLength
      ? ` The response came with Content-Length ${stream.headers.contentLength}, so it was buffered whole before sending.`
      : "";
    return {
      id: "stream-buffering",
      status: "fail",
      title: "The stream arrives all at once",
      detail: `${percent(stats.largestDeliveryShare)} of ${stats.tokens} tokens arrived in one piece, ${formatMs(stream.endedAt)} after the request.${length} Readers see nothing, then the whole answer. vLLM streams as it generates (even with --stream-interval, events come one by one), so something between here and vLLM holds the stream back.`,
      fix: BUFFERING_FIX,
    };
  }
  if (verdict.heldInTransit || verdict.batchedAtSource) {
    const details = [
      verdict.heldInTransit ? transitDetail(stats) : "",
      verdict.batchedAtSource ? sourceDetail(stats) : "",
    ];
    const fixes = [verdict.heldInTransit ? BUFFERING_FIX : "", verdict.batchedAtSource ? SOURCE_FIX : ""];
    return {
      id: "stream-buffering",
      status: "warn",
      title: verdict.heldInTransit
        ? "Tokens arrive in lumps: a proxy buffers"
        : "Tokens arrive in lumps: vLLM batches them",
      detail: `${details.filter(Boolean).join(" ")}${estimated}`,
      fix: fixes.filter(Boolean).join(" "),
    };
  }
  return {
    id: "stream-buffering",
    status: "ok",
    title: "Tokens stream one by one",
    detail: `${stats.tokens} tokens in ${stats.chunks} events and ${stats.deliveries} deliveries; a median ${plural(stats.medianTokensPerChunk, "token")} per event; pauses p50 ${formatMs(stats.gapMs.p50)}, p95 ${formatMs(stats.gapMs.p95)}.${estimated}`,
  };
}

/** vLLM never compresses its stream; a proxy that does holds text back until its buffer fills. */
export function compressionFinding(stream: RecordedStream): Finding {
  const { contentEncoding, contentType } = stream.headers;
  if (contentEncoding && contentEncoding !== "identity") {
    return {
      id: "stream-compression",
      status: "warn",
      title: `The stream is compressed (${contentEncoding})`,
      detail: `The response has Content-Encoding: ${contentEncoding}. vLLM does not compress, so a proxy does, and a compressor holds text back until its buffer fills: the answer arrives late and in lumps.`,
      fix: "Turn compression off for text/event-stream: nginx `gzip off;` in that location (or drop text/event-stream from `gzip_types`); other proxies: exclude text/event-stream from compression.",
    };
  }
  if (!contentType?.startsWith("text/event-stream")) {
    return {
      id: "stream-compression",
      status: "warn",
      title: "The stream is not served as text/event-stream",
      detail: `The response's Content-Type is ${contentType ?? "missing"}; vLLM sends text/event-stream, so something rewrote it, and proxies treat other types as bufferable.`,
      fix: "Pass vLLM's Content-Type through unchanged.",
    };
  }
  return {
    id: "stream-compression",
    status: "ok",
    title: "The stream is not compressed",
    detail: `Content-Type ${contentType}, no Content-Encoding.`,
  };
}
