/** Why a request never got an HTTP answer, and what to do about it. */
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

/** System and undici error codes, as Node's fetch puts them on the error's cause. */
const FAILURES: Record<string, NetworkFailure> = {
  ECONNREFUSED: REFUSED,
  ENOTFOUND: UNRESOLVED,
  EAI_AGAIN: UNRESOLVED,
  ETIMEDOUT: TIMED_OUT,
  UND_ERR_CONNECT_TIMEOUT: TIMED_OUT,
  ECONNRESET: RESET,
  UND_ERR_SOCKET: RESET,
  EHOSTUNREACH: UNREACHABLE,
};

function errorCode(error: unknown): string | undefined {
  for (let link = error, depth = 0; link && depth < 5; link = (link as { cause?: unknown }).cause, depth++) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === "string" && code in FAILURES) return code;
  }
  return undefined;
}

export function isTimeout(error: unknown): boolean {
  return error instanceof DOMException && error.name === "TimeoutError";
}

/** Reads Node's fetch (undici) errors, whose cause carries the system error code. */
export function describeNetworkFailure(error: unknown, timeoutMs: number): NetworkFailure {
  if (isTimeout(error)) {
    return {
      reason: `no answer within ${timeoutMs / 1000} s`,
      fix: `The server accepted the connection but did not answer: it may be overloaded or stuck. ${CHECK_LISTENING}`,
    };
  }
  const code = errorCode(error);
  if (code) return FAILURES[code] as NetworkFailure;
  const message =
    error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
  return { reason: `the connection failed${message ? ` (${message})` : ""}`, fix: CHECK_LISTENING };
}
