/// <reference lib="webworker" />
import { serveStreams } from "./relay";

/**
 * Receives the chat's SSE streams off the page's main thread. The server sends a network chunk per token
 * (150 a second for a fast model); reading each, timing its arrival and gathering the deltas cost the
 * page's main thread more than rendering the text did (see bench/render). Here that happens in a worker,
 * and the page gets one message per coalesced delta instead (see lib/chat/coalesce-deltas.ts).
 */
serveStreams(self as unknown as DedicatedWorkerGlobalScope);
