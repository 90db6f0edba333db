import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The stylesheets the script-free share page links to: the same files the chat bundles. */
const STYLESHEETS: Record<string, () => Promise<string>> = {
  "katex.css": () => readFile(join(process.cwd(), "node_modules/katex/dist/katex.min.css"), "utf8"),
  "markdown.css": () => readFile(join(process.cwd(), "components/markdown/markdown.css"), "utf8"),
};

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { file } = await params;
  const read = Object.hasOwn(STYLESHEETS, file) ? STYLESHEETS[file] : undefined;
  if (!read) return new Response("Not found", { status: 404 });
  return new Response(await read(), {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
