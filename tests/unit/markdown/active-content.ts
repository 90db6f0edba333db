/**
 * Everything in rendered HTML that a browser would run, load or navigate to: script-capable or
 * loading elements, event handler attributes, unsafe URLs and CSS that can fetch. The HTML comes from
 * React and KaTeX, which escape `<` in text and `"` in attribute values, so every `<` starts a tag and
 * a tag-by-tag scan sees what a browser's parser would; a stray `<` is reported too.
 */
export function activeContent(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*\/?>/g;
  let scanned = 0;
  for (const match of html.matchAll(tag)) {
    const stray = html.slice(scanned, match.index);
    if (stray.includes("<")) found.push(`unparsed markup: ${stray.slice(stray.indexOf("<"), 60)}`);
    scanned = match.index + match[0].length;
    const [, closing, name = "", attributes = ""] = match;
    if (closing) continue;
    if (FORBIDDEN_ELEMENTS.has(name.toLowerCase())) found.push(`<${name}>`);
    for (const [, attribute = "", value = ""] of attributes.matchAll(/\s+([^\s"'=<>/]+)(?:="([^"]*)")?/g)) {
      const problem = attributeProblem(name.toLowerCase(), attribute.toLowerCase(), decodeEntities(value));
      if (problem) found.push(`<${name} ${problem}>`);
    }
  }
  if (html.slice(scanned).includes("<")) found.push("unparsed markup at the end");
  return found;
}

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "img",
  "image",
  "video",
  "audio",
  "source",
  "track",
  "picture",
  "link",
  "meta",
  "base",
  "style",
  "form",
  "textarea",
  "select",
  "template",
  "foreignobject",
  "animate",
  "set",
  "use",
  "portal",
]);

const URL_ATTRIBUTES = new Set([
  "href",
  "xlink:href",
  "src",
  "action",
  "formaction",
  "data",
  "poster",
  "background",
]);
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;

function attributeProblem(element: string, attribute: string, value: string): string | undefined {
  if (attribute.startsWith("on")) return `${attribute} (event handler)`;
  if (attribute === "srcdoc") return "srcdoc";
  if (attribute === "src") return `src=${value} (loads a resource)`;
  if (URL_ATTRIBUTES.has(attribute) && !SAFE_URL.test(value.trim()))
    return `${attribute}=${value} (unsafe URL)`;
  if (attribute === "style" && /url\s*\(|expression\s*\(|javascript:|@import/i.test(value))
    return `style=${value} (CSS that fetches or runs)`;
  if (element === "input" && attribute === "type" && value !== "checkbox") return `type=${value} (input)`;
  return undefined;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
