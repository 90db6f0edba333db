import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * Reads and validates a JSON body without ever holding more than `maxBytes` of it, so an oversized
 * request is refused with 413 whether or not it declares its length.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  maxBytes: number,
): Promise<z.infer<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError(
      "unsupported_media_type",
      "Send the request body as JSON (Content-Type: application/json).",
    );
  }
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);

  const text = await readLimited(request, maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  const unstorable = findUnstorableJson(raw);
  if (unstorable) throw new AppError("bad_request", `Invalid request: ${unstorable}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    }));
    const summary = issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join("; ");
    throw new AppError("bad_request", `Invalid request: ${summary}`, { issues });
  }
  return parsed.data;
}

/** Deeper than any request of ours; much deeper would overflow the stack when the value is stored. */
export const MAX_JSON_DEPTH = 32;
// An unpaired UTF-16 surrogate: it has no UTF-8 encoding, so a database would store something else.
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What makes a parsed body impossible to store faithfully, or undefined: nesting deeper than
 * MAX_JSON_DEPTH, or a string (value or key) with a NUL character (PostgreSQL text refuses it) or an
 * unpaired surrogate. Iterative, so that the check itself cannot overflow the stack.
 */
export function findUnstorableJson(value: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.depth > MAX_JSON_DEPTH) return `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`;
    const strings = typeof next.value === "string" ? [next.value] : [];
    if (typeof next.value === "object" && next.value !== null) {
      for (const [key, child] of Object.entries(next.value)) {
        strings.push(key);
        pending.push({ value: child, depth: next.depth + 1 });
      }
    }
    for (const text of strings) {
      if (text.includes("\u0000")) return "text must not contain NUL characters (\\u0000)";
      if (UNPAIRED_SURROGATE.test(text)) return "text must not contain unpaired UTF-16 surrogates";
    }
  }
  return undefined;
}

// Fatal: replacing undecodable bytes would store text the client never sent.
const utf8 = new TextDecoder("utf-8", { fatal: true });

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("bad_request", "The request body is not valid UTF-8.");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError(
    "payload_too_large",
    `The request is larger than the ${Math.round(maxBytes / 1024)} KB limit.`,
  );
}
