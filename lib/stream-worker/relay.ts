import { coalesceDeltas } from "@/lib/chat/coalesce-deltas";
import { tapArrivals } from "@/lib/timing/arrival-tap";
import type { Arrival, FetchRequest, FromWorker, ToWorker } from "./protocol";

/** The worker's side of the channel (a DedicatedWorkerGlobalScope), so tests can stand in for it. */
export interface PagePort {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

/**
 * Runs the page's chat requests for it (see stream-worker.ts): fetches, times the token chunks' arrival
 * and coalesces the deltas as the page would, and posts the response head, then each coalesced chunk with
 * the arrivals noted since the previous one.
 */
export function serveStreams(port: PagePort, fetchImpl: typeof fetch = fetch): void {
  const running = new Map<number, AbortController>();
  const post = (message: FromWorker, transfer: Transferable[] = []) => port.postMessage(message, transfer);

  async function relay(request: FetchRequest): Promise<void> {
    const abort = new AbortController();
    running.set(request.id, abort);
    const arrivals: Arrival[] = [];
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: abort.signal,
      });
      post({
        type: "response",
        id: request.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        timeOrigin: performance.timeOrigin,
      });
      if (!response.body) {
        post({ type: "end", id: request.id, arrivals });
        return;
      }
      // As on the page (BrowserTimings.tap, withCoalescedDeltas): errors pass as they are.
      const body = response.ok
        ? coalesceDeltas(
            tapArrivals(response.body, {
              start: (messageId) => arrivals.push({ kind: "start", messageId }),
              read: (kinds, at) => arrivals.push({ kind: "read", kinds, at }),
              end: (at) => arrivals.push({ kind: "end", at }),
            }),
          )
        : response.body;
      const reader = body.getReader();
      for (let read = await reader.read(); !read.done; read = await reader.read()) {
        const bytes = read.value;
        post({ type: "chunk", id: request.id, bytes, arrivals: arrivals.splice(0) }, [bytes.buffer]);
      }
      post({ type: "end", id: request.id, arrivals: arrivals.splice(0) });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      post({ type: "error", id: request.id, name, message });
    } finally {
      running.delete(request.id);
    }
  }

  port.onmessage = ({ data }) => {
    if (data.type === "abort") running.get(data.id)?.abort();
    else void relay(data);
  };
}
