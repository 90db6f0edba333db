import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createGzip } from "node:zlib";

/**
 * How the proxy mistreats responses, like a default nginx in front of vLLM:
 * - `buffer`: holds response bytes until `bufferBytes` have piled up (proxy_buffering with small buffers);
 * - `whole`: sends nothing until the upstream finishes, then all of it with a Content-Length;
 * - `gzip`: compresses responses (gzip on for text/event-stream).
 */
export type ProxyMode = { kind: "buffer"; bufferBytes: number } | { kind: "whole" } | { kind: "gzip" };

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/** A real HTTP reverse proxy in front of `target` (e.g. http://127.0.0.1:1234), for tests only. */
export async function startProxy(target: string, mode: ProxyMode): Promise<Proxy> {
  const server: Server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? "/", target),
      { method: req.method, headers: req.headers },
      (answer) => {
        // Hop-by-hop and length headers describe the upstream connection, not the proxy's answer.
        const { "content-length": _, "transfer-encoding": __, connection: ___, ...headers } = answer.headers;
        if (mode.kind === "gzip") {
          res.writeHead(answer.statusCode ?? 502, { ...headers, "content-encoding": "gzip" });
          answer.pipe(createGzip()).pipe(res);
          return;
        }
        const held: Buffer[] = [];
        let heldBytes = 0;
        const release = () => {
          if (heldBytes > 0) res.write(Buffer.concat(held.splice(0)));
          heldBytes = 0;
        };
        if (mode.kind === "buffer") res.writeHead(answer.statusCode ?? 502, headers);
        answer.on("data", (chunk: Buffer) => {
          held.push(chunk);
          heldBytes += chunk.length;
          if (mode.kind === "buffer" && heldBytes >= mode.bufferBytes) release();
        });
        answer.on("end", () => {
          if (mode.kind === "whole") {
            const body = Buffer.concat(held);
            res.writeHead(answer.statusCode ?? 502, { ...headers, "content-length": body.length });
            res.end(body);
          } else {
            release();
            res.end();
          }
        });
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
