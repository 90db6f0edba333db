import "server-only";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { APICallError } from "@ai-sdk/provider";
import { z } from "zod";

export interface CompletionRequest {
  /** The upstream's OpenAI base URL, ending in `/v1`. */
  baseURL: string;
  apiKey?: string;
  body: Record<string, unknown>;
  signal: AbortSignal;
}

/**
 * Connections to the model server are kept open between answers (no TCP or TLS set-up before a first
 * token). An idle one is closed after 4 s, before uvicorn's 5 s keep-alive timeout can close it under us.
 */
const agentOptions = { keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, timeout: 4_000 };
const transports = {
  http: { send: httpRequest, agent: new HttpAgent(agentOptions) },
  https: { send: httpsRequest, agent: new HttpsAgent(agentOptions) },
};

/**
 * POSTs a streaming chat completion and returns its open response, as Node's HTTP client gives it: the
 * relay reads it with 'data' events, which cost no promise per token (fetch's web stream costs several).
 * A refused connection or an HTTP error status throws an APICallError (statusCode undefined for the former),
 * which describe-error reads; an abort rethrows the signal's reason.
 */
export async function openCompletion(request: CompletionRequest): Promise<IncomingMessage> {
  const payload = JSON.stringify(request.body);
  try {
    return await post(request, payload, false);
  } catch (error) {
    // A kept-alive connection the server closed just as it was reused: the request never reached it.
    if (!(error instanceof StaleConnectionError)) throw error;
    return post(request, payload, true);
  }
}

class StaleConnectionError extends Error {}

function post(
  { baseURL, apiKey, body, signal }: CompletionRequest,
  payload: string,
  retried: boolean,
): Promise<IncomingMessage> {
  const url = new URL(`${baseURL}/chat/completions`);
  const headers: Record<string, string | number> = {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const { send, agent } = url.protocol === "https:" ? transports.https : transports.http;

  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const req = send(url, { method: "POST", headers, agent });
    const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    // Once answered, the response carries the abort: the relay destroys it with the same reason.
    const settle = () => signal.removeEventListener("abort", onAbort);

    req.on("error", (error: NodeJS.ErrnoException) => {
      settle();
      if (signal.aborted) {
        reject(signal.reason);
        return;
      }
      if (req.reusedSocket && !retried && error.code === "ECONNRESET") {
        reject(new StaleConnectionError());
        return;
      }
      reject(
        new APICallError({
          message: `Cannot connect to API: ${error.message}`,
          url: url.href,
          requestBodyValues: body,
          cause: error,
          isRetryable: true,
        }),
      );
    });
    req.on("response", (response) => {
      settle();
      response.setEncoding("utf8");
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        resolve(response);
        return;
      }
      let responseBody = "";
      response.on("data", (text: string) => {
        responseBody += text;
      });
      response.on("error", () => {});
      response.on("close", () =>
        reject(
          new APICallError({
            message: errorMessage(responseBody) ?? response.statusMessage ?? `HTTP ${status}`,
            url: url.href,
            requestBodyValues: body,
            statusCode: status,
            responseBody,
            isRetryable: status === 429 || status >= 500,
          }),
        ),
      );
    });
    req.end(payload);
  });
}

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

/** vLLM's `{"error": {"message": …}}` (since 0.10.1); anything else leaves the HTTP status text. */
function errorMessage(responseBody: string): string | undefined {
  try {
    return errorBodySchema.safeParse(JSON.parse(responseBody)).data?.error.message;
  } catch {
    return undefined;
  }
}
