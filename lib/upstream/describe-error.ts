import { APICallError } from "@ai-sdk/provider";

/** Error codes Node's fetch (undici) puts on `error.cause` when a connection fails. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused (is vLLM running?)",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name does not resolve",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  UND_ERR_SOCKET: "the connection was closed by the server",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
};

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function networkCode(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && code in NETWORK_REASONS) return code;
  }
  return undefined;
}

export function describeFetchFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === "TimeoutError") return "it did not answer in time";
  const code = networkCode(error);
  return code ? (NETWORK_REASONS[code] as string) : "the connection failed";
}

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
  | "unknown";

/** What ended an upstream stream: a kind for metrics and a human message with no addresses or secrets. */
export function classifyStreamError(error: unknown): { kind: UpstreamErrorKind; message: string } {
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
  const upstreamError = vllmErrorEvent(error);
  if (upstreamError) {
    return {
      kind: "mid_stream_error",
      message: `The model server reported an error mid-answer (${upstreamError}). What arrived so far is kept; you can retry.`,
    };
  }
  if (networkCode(error) || causeChain(error).some((link) => link instanceof TypeError)) {
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
