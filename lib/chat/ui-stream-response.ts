import "server-only";
import type { UIMessageChunk } from "ai";

/** The AI SDK's UI message stream protocol headers (what `createUIMessageStreamResponse` sends). */
const UI_MESSAGE_STREAM_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache",
  connection: "keep-alive",
  "x-vercel-ai-ui-message-stream": "v1",
  "x-accel-buffering": "no",
} as const;

const encoder = new TextEncoder();
const DONE = encoder.encode("data: [DONE]\n\n");

/**
 * The same bytes and headers as the AI SDK's `createUIMessageStreamResponse`, in one stream stage instead
 * of two (JSON to SSE text, then text to bytes): every stage costs promises on each relayed token.
 */
export function uiMessageStreamResponse(
  stream: ReadableStream<UIMessageChunk>,
  headers: Record<string, string>,
): Response {
  const body = stream.pipeThrough(
    new TransformStream<UIMessageChunk, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`));
      },
      flush(controller) {
        controller.enqueue(DONE);
      },
    }),
  );
  const responseHeaders = new Headers(headers);
  for (const [name, value] of Object.entries(UI_MESSAGE_STREAM_HEADERS)) {
    if (!responseHeaders.has(name)) responseHeaders.set(name, value);
  }
  return new Response(body, { headers: responseHeaders });
}
