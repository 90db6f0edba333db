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

/**
 * The JavaScript a first visit to `route` loads, from a production build in `nextDir`: the framework's
 * root chunks (build-manifest.json) and the chunks of the route's layouts and page (the `entryJSFiles`
 * of its client reference manifest). Chunks the page imports on demand (`import()`, React.lazy) are not
 * part of it. Null when the build has no such route.
 */
export function firstLoadFiles(nextDir: string, route: string): SizedFile[] | null {
  const segment = route === "/" ? "" : route;
  const manifestPath = join(nextDir, "server", "app", segment, "page_client-reference-manifest.js");
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
