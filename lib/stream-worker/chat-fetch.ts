import { withCoalescedDeltas } from "@/lib/chat/coalesce-deltas";
import { browserTimings } from "@/lib/timing/browser-timings";
import { StreamClient } from "./stream-client";

/** The chat's requests the way it made them before the worker: on the page, tapped and coalesced here. */
async function fetchOnPage(input: string, init: RequestInit, sentAt: number): Promise<Response> {
  const response = await fetch(input, init);
  return withCoalescedDeltas(browserTimings.tap(response, sentAt, (init.method ?? "GET") === "GET"));
}

let client: StreamClient | null | undefined;

/** The page's stream worker, started on first use; null where the browser cannot run one. */
function streamClient(): StreamClient | null {
  if (typeof Worker === "undefined") return null;
  if (client !== undefined) return client;
  try {
    const worker = new Worker(new URL("./stream-worker.ts", import.meta.url), { type: "module" });
    client = new StreamClient(worker);
  } catch {
    client = null;
  }
  return client;
}

/**
 * Starts the stream worker ahead of the first question. Started by that question, the worker would first
 * have to download and set up its script, which held the first request back (about 200 ms in a --profile
 * trace of bench/render, on a machine with two cores).
 */
export function startStreamWorker(): void {
  streamClient();
}

/**
 * `fetch` for the chat transport. Arrival times are measured on the way in, for the latency overlay,
 * before token deltas are gathered into fewer, larger ones for the chat to process; both happen in the
 * stream worker where the browser has one, so the page's main thread only sees the gathered deltas.
 */
export function chatFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const sentAt = performance.now();
  const url = input instanceof Request ? input.url : String(input);
  const onPage = () => fetchOnPage(url, init, sentAt);
  const worker = input instanceof Request ? null : streamClient();
  if (!worker) return onPage();
  const listener = browserTimings.listener(sentAt, (init.method ?? "GET") === "GET");
  return worker.fetch(new URL(url, location.href).href, init, listener, onPage);
}
