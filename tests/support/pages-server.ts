import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type PagesHandler = (
  request: IncomingMessage & { query?: object },
  response: ServerResponse,
) => Promise<void>;

/**
 * The streaming routes as `next start` serves them: the Pages Router's default exports on a real socket,
 * with the dynamic route's params in `query` as Next.js puts them there. Load the app's configuration
 * first (loadRoutes).
 */
export async function servePagesRoutes(): Promise<{ base: string; close(): void }> {
  const chat = (await import("@/pages/api/chat")).default as PagesHandler;
  const follow = (await import("@/pages/api/chat/[id]/stream")).default as PagesHandler;
  const server = createServer((request, response) => {
    const following = request.url?.match(/^\/api\/chat\/([^/]+)\/stream$/);
    if (following) void follow(Object.assign(request, { query: { id: following[1] } }), response);
    else void chat(request, response);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close() {
      server.closeAllConnections();
      server.close();
    },
  };
}
