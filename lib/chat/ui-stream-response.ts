import "server-only";

/** The AI SDK's UI message stream protocol headers (what `createUIMessageStreamResponse` sends). */
const UI_MESSAGE_STREAM_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache",
  connection: "keep-alive",
  "x-vercel-ai-ui-message-stream": "v1",
  "x-accel-buffering": "no",
} as const;

/**
 * A UI message stream response, as the AI SDK's `createUIMessageStreamResponse` sends it, around bytes the
 * generation hub has already framed as SSE: no stream stage of its own between the hub and the socket.
 */
export function uiMessageStreamResponse(
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): Response {
  const responseHeaders = new Headers(headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!responseHeaders.has(name)) responseHeaders.set(name, value);
  }
  return new Response(body, { headers: responseHeaders });
}
