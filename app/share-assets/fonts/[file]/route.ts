import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** KaTeX's font files, which katex.css (served beside this) refers to as fonts/<name>. */
const FONT_FILE = /^KaTeX_[A-Za-z0-9-]+\.(woff2|woff|ttf)$/;
const FONT_TYPES: Record<string, string> = { woff2: "font/woff2", woff: "font/woff", ttf: "font/ttf" };

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { file } = await params;
  const match = FONT_FILE.exec(file);
  if (!match) return new Response("Not found", { status: 404 });
  try {
    const font = await readFile(join(process.cwd(), "node_modules", "katex", "dist", "fonts", file));
    return new Response(font, {
      headers: {
        "Content-Type": FONT_TYPES[match[1] as string] as string,
        "Cache-Control": "public, max-age=86400",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
