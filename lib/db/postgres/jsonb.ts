import "server-only";

// jsonb cannot hold U+0000 or an unpaired UTF-16 surrogate, both of which text pasted into a browser may
// carry; they are stored as U+FFFD rather than failing the whole write.
const UNSTORABLE_IN_JSONB =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is exactly what must be matched.
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function toJsonb(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === "string" ? item.replace(UNSTORABLE_IN_JSONB, "\uFFFD") : item,
  );
}
