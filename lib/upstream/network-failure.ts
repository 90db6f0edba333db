/**
 * Why a request never got an HTTP answer, read from Node's fetch (undici) errors, whose cause carries
 * the system error code. One reading for the BFF, the CLI and the doctor; no server-only imports.
 */

/** Why a request never got an HTTP answer, and what to do about it (the doctor's wording). */
export interface NetworkFailure {
  reason: string;
  fix: string;
}

const CHECK_LISTENING =
  "Check that `vllm serve … --port <port>` is running on that host and reachable from here: `curl <url>/health`.";

const REFUSED: NetworkFailure = {
  reason:
    "the connection was refused: nothing listens on that port. vLLM only starts listening once the model has loaded, so this is also what you see while it starts",
  fix: `${CHECK_LISTENING} While it loads, wait for "Application startup complete." in vLLM's log.`,
};
const UNRESOLVED: NetworkFailure = {
  reason: "the host name does not resolve",
  fix: "Check the host name in --url (or use the server's IP address).",
};
const TIMED_OUT: NetworkFailure = {
  reason: "the connection timed out",
  fix: `A firewall or security group may drop the port, or vLLM listens on another interface (use \`--host 0.0.0.0\`). ${CHECK_LISTENING}`,
};
const RESET: NetworkFailure = {
  reason: "the connection was reset",
  fix: `Something closed the connection: a proxy, a TLS mismatch (http vs https), or a crashing server. ${CHECK_LISTENING}`,
};
const UNREACHABLE: NetworkFailure = {
  reason: "the host is unreachable",
  fix: "Check the address and the network route to it.",
};

/**
 * System and undici error codes, as Node's fetch puts them on the error's cause: a short reason for one
 * sentence ("Cannot reach the model server: …") and the doctor's explanation with a fix.
 */
const FAILURES = {
  ECONNREFUSED: { brief: "connection refused (is vLLM running?)", explained: REFUSED },
  ECONNRESET: { brief: "the connection was reset", explained: RESET },
  ENOTFOUND: { brief: "the host name does not resolve", explained: UNRESOLVED },
  EAI_AGAIN: { brief: "the host name does not resolve", explained: UNRESOLVED },
  ETIMEDOUT: { brief: "the connection timed out", explained: TIMED_OUT },
  EHOSTUNREACH: { brief: "the host is unreachable", explained: UNREACHABLE },
  UND_ERR_SOCKET: { brief: "the connection was closed by the server", explained: RESET },
  UND_ERR_CONNECT_TIMEOUT: { brief: "the connection timed out", explained: TIMED_OUT },
} satisfies Record<string, { brief: string; explained: NetworkFailure }>;

export type NetworkErrorCode = keyof typeof FAILURES;

/** The error and up to four causes below it. */
export function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && chain.length < 5) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The first connection-failure code along the cause chain. */
export function networkErrorCode(error: unknown): NetworkErrorCode | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && Object.hasOwn(FAILURES, code)) return code as NetworkErrorCode;
  }
  return undefined;
}

/** AbortSignal.timeout() fired. */
export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === "TimeoutError";
}

/** A short reason, to end a sentence such as "Cannot reach the model server: …". */
export function describeFetchFailure(error: unknown): string {
  if (isTimeout(error)) return "it did not answer in time";
  const code = networkErrorCode(error);
  return code ? FAILURES[code].brief : "the connection failed";
}

/** The reason with what to do about it, as the doctor reports it. */
export function describeNetworkFailure(error: unknown, timeoutMs: number): NetworkFailure {
  if (isTimeout(error)) {
    return {
      reason: `no answer within ${timeoutMs / 1000} s`,
      fix: `The server accepted the connection but did not answer: it may be overloaded or stuck. ${CHECK_LISTENING}`,
    };
  }
  const code = networkErrorCode(error);
  if (code) return FAILURES[code].explained;
  const message =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  return { reason: `the connection failed${message ? ` (${message})` : ""}`, fix: CHECK_LISTENING };
}
