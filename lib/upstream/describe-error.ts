import { APICallError } from "@ai-sdk/provider";
import { UpstreamProtocolError } from "@/lib/relay/vllm-chunk";
import { causeChain, describeFetchFailure, networkErrorCode } from "./network-failure";
import { UpstreamTimeoutError, type UpstreamTimeoutKind } from "./timeouts";

function isAbort(error: unknown): boolean {
  return causeChain(error).some((link) => link instanceof Error && link.name === "AbortError");
}

const CONNECTION_LOST =
  "The connection to the model server was lost mid-answer. What arrived so far is kept; you can retry.";

export type UpstreamErrorKind =
  | "aborted"
  | "unreachable"
  | "connection_lost"
  | "auth"
  | "context_length"
  | "overloaded"
  | "http_5xx"
  | "http_4xx"
  | "mid_stream_error"
  | "protocol"
  | UpstreamTimeoutKind
  | "unknown";

/** What ended an upstream stream: a kind for metrics and a human message with no addresses or secrets. */
export function classifyStreamError(error: unknown): { kind: UpstreamErrorKind; message: string } {
  const timeout = causeChain(error).find((link) => link instanceof UpstreamTimeoutError);
  if (timeout) return { kind: timeout.kind, message: timeout.message };
  if (isAbort(error)) return { kind: "aborted", message: "The answer was stopped." };
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return {
        kind: "unreachable",
        message: `Cannot reach the model server: ${describeFetchFailure(error)}.`,
      };
    }
    if (status < 300) return { kind: "connection_lost", message: CONNECTION_LOST };
    if (status === 401 || status === 403) {
      return { kind: "auth", message: `The model server refused our API key (HTTP ${status}).` };
    }
    if (status === 400 && /maximum context length/i.test(error.responseBody ?? error.message)) {
      return {
        kind: "context_length",
        message:
          "The conversation is too long for the model's context window. Start a new conversation or shorten the message.",
      };
    }
    if (status === 429 || status === 503) {
      return {
        kind: "overloaded",
        message: `The model server is overloaded (HTTP ${status}). Please try again in a moment.`,
      };
    }
    if (status >= 500) {
      return {
        kind: "http_5xx",
        message: `The model server failed before answering (HTTP ${status}). Please try again.`,
      };
    }
    return {
      kind: "http_4xx",
      message: `The model server rejected the request (HTTP ${status}): ${error.message}`,
    };
  }
  if (error instanceof UpstreamProtocolError) {
    return {
      kind: "protocol",
      message: `The model server sent a stream we could not read (${error.detail}). What arrived so far is kept; you can retry.`,
    };
  }
  const upstreamError = vllmErrorEvent(error);
  if (upstreamError) {
    return {
      kind: "mid_stream_error",
      message: `The model server reported an error mid-answer (${upstreamError}). What arrived so far is kept; you can retry.`,
    };
  }
  if (networkErrorCode(error) || causeChain(error).some((link) => link instanceof TypeError)) {
    return { kind: "connection_lost", message: CONNECTION_LOST };
  }
  return {
    kind: "unknown",
    message: "The answer could not be completed because of an unexpected error. You can retry.",
  };
}

export function describeStreamError(error: unknown): string {
  return classifyStreamError(error).message;
}

/** vLLM sends `data: {"error": {...}}` mid-stream; the provider hands over its parsed `error` object. */
function vllmErrorEvent(error: unknown): string | undefined {
  if (!error || typeof error !== "object" || error instanceof Error) return undefined;
  const { message, code } = error as { message?: unknown; code?: unknown };
  if (typeof message !== "string") return undefined;
  return typeof code === "number" ? `${message}, code ${code}` : message;
}
