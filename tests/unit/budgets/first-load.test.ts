import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadFiles, htmlScripts, isRouteHandler } from "@/bench/budgets/first-load";

/** A build directory shaped like Next's: root chunks, one route's client manifest, the chunk files. */
function fakeBuild(route: string, key: string, entryJSFiles: Record<string, string[]>): string {
  const dir = mkdtempSync(join(tmpdir(), "budgets-"));
  const chunks = join(dir, "static", "chunks");
  mkdirSync(chunks, { recursive: true });
  writeFileSync(
    join(dir, "build-manifest.json"),
    JSON.stringify({ rootMainFiles: ["static/chunks/root.js"] }),
  );
  for (const name of ["root", "layout", "page", "other"]) {
    writeFileSync(join(chunks, `${name}.js`), `console.log(${JSON.stringify(name.repeat(50))});`);
  }
  const routeDir = join(dir, "server", "app", route);
  mkdirSync(routeDir, { recursive: true });
  writeFileSync(
    join(routeDir, "page_client-reference-manifest.js"),
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ entryJSFiles })};`,
  );
  return dir;
}

const gzipped = (name: string) =>
  gzipSync(`console.log(${JSON.stringify(name.repeat(50))});`, { level: 9 }).length;

describe("firstLoadFiles", () => {
  it("counts the root chunks and the route's layout and page chunks once each, gzipped", () => {
    const dir = fakeBuild("s/[token]", "/s/[token]/page", {
      "[project]/app/layout": ["static/chunks/layout.js", "static/chunks/root.js"],
      "[project]/app/s/[token]/page": ["static/chunks/layout.js", "static/chunks/page.js"],
    });
    expect(firstLoadFiles(dir, "/s/[token]")).toEqual([
      { file: "static/chunks/root.js", gzipBytes: gzipped("root") },
      { file: "static/chunks/layout.js", gzipBytes: gzipped("layout") },
      { file: "static/chunks/page.js", gzipBytes: gzipped("page") },
    ]);
  });

  it("reads the home route from the app directory itself", () => {
    const dir = fakeBuild("", "/page", { "[project]/app/page": ["static/chunks/page.js"] });
    expect(firstLoadFiles(dir, "/")?.map((file) => file.file)).toEqual([
      "static/chunks/root.js",
      "static/chunks/page.js",
    ]);
  });

  it("says a route the build does not have is not there", () => {
    const dir = fakeBuild("", "/page", { "[project]/app/page": ["static/chunks/page.js"] });
    expect(firstLoadFiles(dir, "/embed")).toBeNull();
  });
});

describe("a route handler's page", () => {
  it("is told apart from a React page by the build's route.js", () => {
    const dir = fakeBuild("", "/page", { "[project]/app/page": ["static/chunks/page.js"] });
    mkdirSync(join(dir, "server", "app", "s", "[token]"), { recursive: true });
    writeFileSync(join(dir, "server", "app", "s", "[token]", "route.js"), "");
    expect(isRouteHandler(dir, "/s/[token]")).toBe(true);
    expect(isRouteHandler(dir, "/")).toBe(false);
  });

  it("loads no JavaScript when its HTML has no script", () => {
    expect(htmlScripts("<!doctype html><p>script-free</p><style>p{}</style>", () => "")).toEqual([]);
  });

  it("counts each inline script and each script file it loads, gzipped", () => {
    const dir = fakeBuild("", "/page", {});
    const resolved: string[] = [];
    const html = `<script>console.log(${JSON.stringify("root".repeat(50))});</script><script defer src="/_next/static/chunks/page.js"></script>`;
    const files = htmlScripts(html, (src) => {
      resolved.push(src);
      return join(dir, src.replace("/_next/", ""));
    });
    expect(resolved).toEqual(["/_next/static/chunks/page.js"]);
    expect(files).toEqual([
      { file: "inline script 1", gzipBytes: gzipped("root") },
      { file: "/_next/static/chunks/page.js", gzipBytes: gzipped("page") },
    ]);
  });
});
