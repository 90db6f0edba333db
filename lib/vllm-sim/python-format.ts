/**
 * Python's spellings of values, for messages vLLM builds with f-strings and for the error
 * event it serializes with `json.dumps` (spaces after separators, non-ASCII escaped).
 */

/** `repr(float(x))`: shortest round-trip digits, ".0" on integral values, exponent outside [1e-4, 1e16). */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  const [mantissa = "0", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    return `${mantissa}e${exponent < 0 ? "-" : "+"}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  if (Object.is(value, -0)) return "-0.0";
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

function pythonJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const char = text[i];
    if (char === '"') out += '\\"';
    else if (char === "\\") out += "\\\\";
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (char === "\b") out += "\\b";
    else if (char === "\f") out += "\\f";
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += char;
  }
  return `${out}"`;
}

export type PythonJsonValue =
  | string
  | number
  | boolean
  | null
  | PythonJsonValue[]
  | { [key: string]: PythonJsonValue };

/** `json.dumps(value)` with its defaults: `", "` and `": "` separators, `ensure_ascii=True`. */
export function pythonJsonDumps(value: PythonJsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return pythonJsonString(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(", ")}]`;
  const entries = Object.entries(value).map(
    ([key, item]) => `${pythonJsonString(key)}: ${pythonJsonDumps(item)}`,
  );
  return `{${entries.join(", ")}}`;
}
