import { createServer, type Server } from "node:http";
import { APP_PORT, EMBED_HOST_PORT } from "./ports";

export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

const PROTOCOL_CLOSE = JSON.stringify({ ns: "r1chat", v: 1, type: "close" });
const PROTOCOL_UNREAD = JSON.stringify({ ns: "r1chat", v: 1, type: "unread", count: 5 });

/** Pages of a site that embeds the widget, as a site owner would write them. */
const PAGES: Record<string, string> = {
  "/": `<!doctype html><title>Course notes</title><h1>Course notes</h1><input aria-label="Notes search">
<script src="${APP_ORIGIN}/widget.js" data-title="Maths help" data-greeting="Hello! Ask me any maths question." data-accent="#0a7d33" async></script>`,
  "/queued": `<!doctype html><title>Queued</title><div id="chat-here"></div>
<script>window.R1Chat=window.R1Chat||function(){(R1Chat.q=R1Chat.q||[]).push(arguments)};
R1Chat('init',{title:'Inline help',inline:'#chat-here',language:'zh'});</script>
<script src="${APP_ORIGIN}/widget.js" async></script>`,
  // Posts protocol messages to its parent: from another origin they must change nothing.
  "/poster": `<!doctype html><script>parent.postMessage(${PROTOCOL_CLOSE},"*");parent.postMessage(${PROTOCOL_UNREAD},"*");</script>`,
  // Frames the widget page directly, claiming to be the allowed site: only frame-ancestors can refuse it.
  "/frame-embed": `<!doctype html><iframe title="widget" src="${APP_ORIGIN}/embed?origin=${encodeURIComponent(`http://localhost:${EMBED_HOST_PORT}`)}"></iframe>`,
  "/frame-app": `<!doctype html><iframe title="app" src="${APP_ORIGIN}/"></iframe>`,
};

/** Serves the host pages on each port (localhost: a different site from the app on 127.0.0.1). */
export async function startHostPages(ports: number[]): Promise<() => Promise<void>> {
  const servers: Server[] = await Promise.all(
    ports.map(
      (port) =>
        new Promise<Server>((resolve) => {
          const server = createServer((request, response) => {
            const page = PAGES[new URL(request.url ?? "/", "http://x").pathname];
            response.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
            response.end(page ?? "");
          });
          server.listen(port, "127.0.0.1", () => resolve(server));
        }),
    ),
  );
  return async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
}
