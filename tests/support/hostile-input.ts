import fc from "fast-check";

/**
 * fast-check arbitraries for what a hostile or broken client can send: strings, ids, JSON, raw bodies,
 * content types and headers. Weighted towards input that gets past the first check, so that the deeper
 * validation is what gets exercised.
 */

const latin1 = (maxLength: number) =>
  fc.array(fc.integer({ min: 0x20, max: 0xff }), { maxLength }).map((codes) => String.fromCharCode(...codes));

/** Any unicode, unpaired surrogates, NULs, direction overrides, path tricks, prototype keys, huge strings. */
export const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u202e\u200b",
    "../../etc/passwd",
    "%2e%2e%2f",
    "__proto__",
    "constructor",
    "<script>alert(1)</script>",
    "x".repeat(70_000),
    "界".repeat(40_000),
  ),
);

/** Path parameters: well-formed ids, hostile strings, and near misses of the id rule. */
export function hostileId(...known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    hostileString.filter((id) => id.length < 5_000),
    fc.constantFrom(
      ...known,
      ...known.map((id) => `${id}/..`),
      "a".repeat(65),
      "a".repeat(7),
      "null",
      "-".repeat(8),
    ),
  );
}

/** An id as it would appear in a URL (route handlers get the decoded params separately). */
export const pathSegment = (id: string) => encodeURIComponent(id.replace(/[\ud800-\udfff]/g, "\ufffd"));

export const jsonAnything = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  hostileString,
  fc.constantFrom(null, true, 0, -1, 1e308, 2 ** 53, -0.5, [], {}),
);

/** A valid body with one field (at `paths`) replaced by anything, or removed; ["extra"] adds a field. */
export function mutated(valid: Record<string, unknown>, paths: string[][]): fc.Arbitrary<unknown> {
  return fc
    .record({ path: fc.constantFrom(...paths), value: fc.option(jsonAnything, { nil: undefined }) })
    .map(({ path, value }) => {
      const copy = structuredClone(valid);
      let target = copy;
      for (const key of path.slice(0, -1)) {
        const next = target[key];
        if (typeof next !== "object" || next === null) return copy;
        target = next as Record<string, unknown>;
      }
      const last = path.at(-1) as string;
      if (value === undefined) delete target[last];
      else target[last] = value;
      return copy;
    });
}

const INVALID_UTF8_JSON = new Uint8Array([
  0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d,
]);

/** A body as bytes: mostly JSON of `json`; else any JSON, truncated JSON, invalid UTF-8 or plain text. */
export function rawBody(json: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 4, arbitrary: json.map((value) => JSON.stringify(value) ?? "null") },
    jsonAnything.map((value) => JSON.stringify(value) ?? "null"),
    json.map((value) => (JSON.stringify(value) ?? "").slice(0, -3)),
    fc.uint8Array({ maxLength: 300 }),
    fc.constant(INVALID_UTF8_JSON),
    hostileString,
  );
}

/** Mostly JSON, so that bodies get parsed; sometimes missing or anything else. */
export const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string | undefined>("application/json") },
  fc.constantFrom(
    undefined,
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/json; charset=latin1",
    "application/jsonp",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x",
    "",
    "*/*",
  ),
);

/** Header values as HTTP delivers them (latin-1): malformed cookies, lying lengths, odd forwarding. */
const oddHeaders = fc.record(
  {
    cookie: fc.oneof(
      latin1(300),
      latin1(60).map((value) => `r1_owner=${value}`),
      fc.constant(`r1_owner=${"A".repeat(22)}.${"B".repeat(43)}`),
      fc.constant(`${"a=b; ".repeat(2_000)}r1_owner=x`),
      fc.constant("r1_owner=;r1_owner;=;;;"),
    ),
    "content-length": fc.oneof(
      fc.constantFrom("abc", "-1", "0", "1e9", "99999999999999999999", ""),
      fc.nat({ max: 600_000 }).map(String),
    ),
    origin: fc.oneof(
      fc.constantFrom("http://localhost", "https://evil.example", "null", "http://localhost:1"),
      latin1(40),
    ),
    "sec-fetch-site": fc.constantFrom("same-origin", "cross-site", "none", "same-site"),
    "x-forwarded-proto": fc.oneof(fc.constantFrom("https", "http", "ftp", "https, http"), latin1(20)),
    "x-forwarded-host": fc.oneof(fc.constantFrom("localhost", "evil.example", "a b", ""), latin1(40)),
    "accept-language": latin1(80),
    "user-agent": latin1(120),
  },
  { requiredKeys: [] },
);
export const extraHeaders = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Record<string, string>>({}) },
  oddHeaders,
);

/** A query string, usually none: no route reads one, so any must be ignored. */
export const queryString = fc.oneof(
  { weight: 2, arbitrary: fc.constant("") },
  fc
    .dictionary(
      fc.string({ maxLength: 8 }),
      hostileString.filter((value) => value.length < 200),
      {
        maxKeys: 3,
      },
    )
    .map((entries) => `?${new URLSearchParams(entries)}`),
);
