import "server-only";
import { hasBrand } from "@/lib/brand";
import type { AnswerFeed } from "@/lib/generation/hub";

/**
 * The AI SDK's UI message stream protocol headers (what `createUIMessageStreamResponse` sends), and what
 * keeps proxies and compression (nginx, CDNs, Next's own gzip) from turning a token stream into lumps.
 */
const LIVE_ANSWER_HEADERS = {
  "content-type": "text/event-stream",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-vercel-ai-ui-message-stream": "v1",
  "x-accel-buffering": "no",
} as const;

/** Marks a LiveAnswer however many copies of this module a build holds. */
const LIVE_ANSWER = Symbol.for("r1-chat.live-answer");

/**
 * An answer a route hands back to be streamed to the browser as a UI message stream: the server writes
 * its feed to the response socket itself, with no web stream between the hub and the socket.
 */
export class LiveAnswer {
  readonly [LIVE_ANSWER] = true;
  readonly status = 200;
  readonly headers = new Headers(LIVE_ANSWER_HEADERS);

  constructor(readonly feed: AnswerFeed) {}

  static is(value: unknown): value is LiveAnswer {
    return hasBrand(value, LIVE_ANSWER);
  }
}
