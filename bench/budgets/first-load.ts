import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { z } from "zod";

const buildManifestSchema = z.object({ rootMainFiles: z.array(z.string()) });
const clientManifestSchema = z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())) });

export interface SizedFile {
  /** Relative to the build directory, e.g. "static/chunks/3tyezer0o0p36.js". */
  file: string;
  gzipBytes: number;
}

/** Gzipped size at the highest level, as a CDN or `next start` with compression would serve it. */
export function gzipBytes(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Where the build keeps a route's server code: "/" is the app directory itself. */
function routeDir(nextDir: string, route: string): string {
  return join(nextDir, "server", "app", route === "/" ? "" : route);
}

/** Whether the build serves `route` from a route handler (route.ts) rather than a React page. */
export function isRouteHandler(nextDir: string, route: string): boolean {
  return existsSync(join(routeDir(nextDir, route), "route.js"));
}

/**
 * The JavaScript a page of plain HTML (what a route handler returns) loads: each `<script>`, inline or
 * not, gzipped. `resolveSrc` maps a script's address to its file; it throws for one it cannot find.
 */
export function htmlScripts(html: string, resolveSrc: (src: string) => string): SizedFile[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map(
    ([, attributes = "", body = ""], index) => {
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
      return src
        ? { file: src, gzipBytes: gzipBytes(resolveSrc(src)) }
        : { file: `inline script ${index + 1}`, gzipBytes: gzipSync(body, { level: 9 }).length };
    },
  );
}

/**
 * The JavaScript a first visit to `route` loads, from a production build in `nextDir`: the framework's
 * root chunks (build-manifest.json) and the chunks of the route's layouts and page (the `entryJSFiles`
 * of its client reference manifest). Chunks the page imports on demand (`import()`, React.lazy) are not
 * part of it. Null when the build has no such route.
 */
export function firstLoadFiles(nextDir: string, route: string): SizedFile[] | null {
  const segment = route === "/" ? "" : route;
  const manifestPath = join(routeDir(nextDir, route), "page_client-reference-manifest.js");
  if (!existsSync(manifestPath)) return null;
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST; it runs in an empty context.
  const context: { __RSC_MANIFEST?: Record<string, unknown> } = {};
  runInNewContext(readFileSync(manifestPath, "utf8"), context);
  const client = clientManifestSchema.parse(context.__RSC_MANIFEST?.[`${segment}/page`]);
  const build = buildManifestSchema.parse(
    JSON.parse(readFileSync(join(nextDir, "build-manifest.json"), "utf8")),
  );
  const files = new Set([...build.rootMainFiles, ...Object.values(client.entryJSFiles).flat()]);
  return [...files].map((file) => ({ file, gzipBytes: gzipBytes(join(nextDir, file)) }));
}
