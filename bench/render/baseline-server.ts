import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { build } from "esbuild";
import type { StreamPlan } from "./stream-plan";

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>render baseline</title>
<link rel="stylesheet" href="/katex/katex.min.css">
<style>body { margin: 0; font-family: system-ui, sans-serif; }</style>
</head>
<body><div id="root"></div><script type="module" src="/baseline.js"></script></body>
</html>`;

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** Bundles baseline-page.tsx in production mode and serves it with KaTeX's stylesheet and fonts. */
export async function startBaselineServer(root: string, plan: StreamPlan): Promise<BaselineServer> {
  const bundle = await build({
    entryPoints: [join(root, "bench/render/baseline-page.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    minify: true,
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "error",
  });
  const script = bundle.outputFiles[0]?.contents;
  if (!script) throw new Error("esbuild produced no bundle");
  const katexDir = join(root, "node_modules/katex/dist");

  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (path === "/baseline.js")
      return void res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    if (path === "/plan.json") {
      return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(plan));
    }
    const file = normalize(join(katexDir, path.replace(/^\/katex\//, "")));
    if (path.startsWith("/katex/") && file.startsWith(katexDir)) {
      const body = await readFile(file).catch(() => null);
      if (body)
        return void res.writeHead(200, { "content-type": CONTENT_TYPES[extname(file)] ?? "" }).end(body);
    }
    res.writeHead(404).end();
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
