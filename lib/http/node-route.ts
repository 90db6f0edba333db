import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { newNonce, securityHeaders } from "@/lib/security/headers";
import { errorResponse } from "./error-response";
import { LiveAnswer } from "./live-answer";

type Params = Record<string, string | string[] | undefined>;

/** A route handler as the App Router's are written, which may also hand back a live answer to stream. */
export type StreamingHandler = (
  request: Request,
  context: { params: Promise<Params> },
) => Promise<Response | LiveAnswer>;

type Method = "GET" | "POST";

/**
 * Serves route handlers from a Pages Router API route, which hands over Node's own response: a live
 * answer's feed is written to the socket as each chunk arrives, where an App Router handler's body would
 * pass every chunk through a web stream (several promises a token, most of the relay's cost).
 * `query` is the dynamic route's params, as the Pages Router gives them.
 */
export function nodeRoute(handlers: Partial<Record<Method, StreamingHandler>>) {
  const allow = Object.keys(handlers).join(", ");
  return async (request: IncomingMessage & { query?: Params }, response: ServerResponse): Promise<void> => {
    const handler = handlers[request.method as Method];
    let result: Response | LiveAnswer;
    if (!handler) {
      result = errorResponse(new AppError("method_not_allowed", `Use ${allow} here.`));
      result.headers.set("Allow", allow);
    } else {
      try {
        result = await handler(webRequest(request), { params: Promise.resolve(request.query ?? {}) });
      } catch (error) {
        result = errorResponse(error);
      }
    }
    const pathname = (request.url ?? "/").split("?", 1)[0] as string;
    if (LiveAnswer.is(result)) streamLiveAnswer(response, result, pathname);
    else await sendResponse(request, response, result, pathname);
  };
}

/** The request as a fetch Request; its body is read (and limited) by the handler, as a stream. */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  const method = request.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // Only the path and query count: the host the browser addressed is read from the headers (origin.ts).
  return new Request(new URL(request.url ?? "/", "http://localhost"), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

function writeHead(response: ServerResponse, status: number, headers: Headers, pathname: string): void {
  response.statusCode = status;
  // What proxy.ts gives every other response: it does not run for these routes (see its matcher).
  const security = securityHeaders({
    pathname,
    nonce: newNonce(),
    embedAllowedOrigins: getConfig().EMBED_ALLOWED_ORIGINS,
  });
  for (const [name, value] of Object.entries(security)) response.setHeader(name, value);
  for (const [name, value] of headers) if (name !== "set-cookie") response.setHeader(name, value);
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) response.appendHeader("set-cookie", cookies);
}

async function sendResponse(
  request: IncomingMessage,
  response: ServerResponse,
  result: Response,
  pathname: string,
): Promise<void> {
  writeHead(response, result.status, result.headers, pathname);
  // A body refused unread (413, 415, 403…) would be parsed as the connection's next request.
  if (!request.complete) response.setHeader("connection", "close");
  response.end(result.body ? Buffer.from(await result.arrayBuffer()) : undefined);
}

/** An SSE comment: the AI SDK's parser (and any other) skips it. */
const KEEPALIVE_COMMENT = ": keep-alive\n\n";

function streamLiveAnswer(
  response: ServerResponse,
  { status, headers, feed }: LiveAnswer,
  pathname: string,
): void {
  // The browser may have left while the answer was being started: it goes on without this viewer.
  if (response.destroyed || response.socket?.destroyed !== false) {
    feed.cancel();
    return;
  }
  writeHead(response, status, headers, pathname);
  // A model server can stay silent for minutes (queued behind other requests, prefilling a long prompt,
  // stalled), and proxies cut a response that is silent for long: a load balancer after 60 s by default,
  // Cloudflare after 100 s. So no silence on the stream lasts longer than STREAM_KEEPALIVE_MS: each
  // half-interval with nothing written ends with a comment. A flag, not a clock read, keeps tokens free.
  let wrote = true;
  const keepAlive = setInterval(() => {
    if (!wrote && !response.writableNeedDrain) response.write(KEEPALIVE_COMMENT);
    wrote = false;
  }, getConfig().STREAM_KEEPALIVE_MS / 2);
  // Stopped as the response ends, not only once it closes: a slow reader can keep an ended response
  // unfinished for a while, and a comment written then would be a write after end, an error that brings
  // the server down.
  const stopKeepAlive = () => clearInterval(keepAlive);
  response.on("drain", feed.resume);
  response.on("close", () => {
    stopKeepAlive();
    feed.cancel();
  });
  feed.start({
    write: (text) => {
      wrote = true;
      return response.write(text);
    },
    end: () => {
      stopKeepAlive();
      response.end();
    },
    fail: (error) => {
      stopKeepAlive();
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  });
}
