import "server-only";
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
 * POSTs a streaming chat completion and returns its open event stream. A refused connection or an HTTP
 * error status throws an APICallError (statusCode undefined for the former), which describe-error reads;
 * an abort rethrows as it came.
 */
export async function openCompletion({
  baseURL,
  apiKey,
  body,
  signal,
}: CompletionRequest): Promise<ReadableStream<Uint8Array>> {
  const url = `${baseURL}/chat/completions`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal });
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error;
    const cause = (error as { cause?: unknown }).cause ?? error;
    throw new APICallError({
      message: `Cannot connect to API: ${cause instanceof Error ? cause.message : String(cause)}`,
      url,
      requestBodyValues: body,
      cause,
      isRetryable: true,
    });
  }
  if (response.ok && response.body) return response.body;
  const responseBody = await response.text().catch(() => "");
  throw new APICallError({
    message: errorMessage(responseBody) ?? response.statusText,
    url,
    requestBodyValues: body,
    statusCode: response.status,
    responseBody,
    isRetryable: response.status === 429 || response.status >= 500,
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
