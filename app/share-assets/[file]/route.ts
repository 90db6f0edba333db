import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The stylesheets the script-free share page links to: the same files the chat bundles. */
const STYLESHEETS: Record<string, string[]> = {
  "katex.css": ["node_modules", "katex", "dist", "katex.min.css"],
  "markdown.css": ["components", "markdown", "markdown.css"],
};

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { file } = await params;
  const path = Object.hasOwn(STYLESHEETS, file) ? STYLESHEETS[file] : undefined;
  if (!path) return new Response("Not found", { status: 404 });
  return new Response(await readFile(join(process.cwd(), ...path)), {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
