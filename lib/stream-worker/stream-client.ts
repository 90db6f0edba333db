import type { ArrivalListener } from "@/lib/timing/arrival-tap";
import type { Arrival, FromWorker, ToWorker } from "./protocol";

/** The part of a Worker the client uses, so tests can stand in for one. */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  addEventListener(type: "message", listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: "error", listener: (event: Event) => void): void;
}

/** Statuses a Response may not have a body with. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

interface Pending {
  listener: ArrivalListener;
  /** Until the response head arrives; then `stream` carries the body. */
  resolve?: (response: Response) => void;
  reject: (error: unknown) => void;
  stream?: ReadableStreamDefaultController<Uint8Array>;
  /** Worker clock minus page clock, in ms. */
  clockOffsetMs: number;
  /** Runs the request on the page instead, should the worker fail before it answered. */
  fallback: () => void;
}

/**
 * The page's side of the stream worker (stream-worker.ts): `fetch` for the chat transport, whose response
 * body is fed by the worker's messages and whose arrivals reach `listener` on the page's clock.
 */
export class StreamClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private broken = false;

  constructor(private readonly worker: WorkerPort) {
    worker.addEventListener("message", ({ data }) => this.receive(data));
    // A worker that cannot start (blocked, failed to load) answers nothing: what it had not begun to answer
    // runs on the page, and so does everything after.
    worker.addEventListener("error", () => {
      this.broken = true;
      for (const [id, request] of this.pending) {
        if (!request.resolve) continue;
        this.pending.delete(id);
        request.fallback();
      }
    });
  }

  /** `url` must be absolute (the worker's base is its script); `onPage` makes the same request without the worker. */
  fetch(
    url: string,
    init: RequestInit,
    listener: ArrivalListener,
    onPage: () => Promise<Response>,
  ): Promise<Response> {
    const body = init.body;
    if (this.broken || (body != null && typeof body !== "string")) return onPage();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const signal = init.signal;
      const aborted = () => signal?.reason ?? new DOMException("The request was aborted.", "AbortError");
      if (signal?.aborted) return reject(aborted());
      this.pending.set(id, {
        listener,
        resolve,
        reject,
        clockOffsetMs: 0,
        fallback: () => onPage().then(resolve, reject),
      });
      signal?.addEventListener("abort", () => {
        const request = this.pending.get(id);
        if (!request) return;
        this.pending.delete(id);
        this.worker.postMessage({ type: "abort", id });
        failRequest(request, aborted());
      });
      this.worker.postMessage({
        type: "fetch",
        id,
        url,
        method: init.method ?? "GET",
        headers: [...new Headers(init.headers)],
        body: body ?? undefined,
      });
    });
  }

  private receive(message: FromWorker): void {
    const request = this.pending.get(message.id);
    if (!request) return;
    if (message.type === "response") {
      request.clockOffsetMs = message.timeOrigin - performance.timeOrigin;
      const body = new ReadableStream<Uint8Array>({
        start: (controller) => {
          request.stream = controller;
        },
      });
      const resolve = request.resolve;
      request.resolve = undefined;
      resolve?.(
        new Response(NULL_BODY_STATUSES.has(message.status) ? null : body, {
          status: message.status,
          statusText: message.statusText,
          headers: message.headers,
        }),
      );
      return;
    }
    if (message.type === "error") {
      this.pending.delete(message.id);
      const error =
        message.name === "AbortError"
          ? new DOMException(message.message, "AbortError")
          : new TypeError(message.message);
      failRequest(request, error);
      return;
    }
    this.deliver(request, message.arrivals);
    if (message.type === "chunk") {
      request.stream?.enqueue(message.bytes);
      return;
    }
    this.pending.delete(message.id);
    request.stream?.close();
  }

  private deliver(request: Pending, arrivals: Arrival[]): void {
    for (const arrival of arrivals) {
      if (arrival.kind === "start") request.listener.start(arrival.messageId);
      else if (arrival.kind === "read")
        request.listener.read(arrival.kinds, arrival.at + request.clockOffsetMs);
      else request.listener.end(arrival.at + request.clockOffsetMs);
    }
  }
}

/** Before the response head the fetch rejects; after it, the body stream errors. */
function failRequest(request: Pending, error: unknown): void {
  if (request.resolve) request.reject(error);
  else request.stream?.error(error);
}
