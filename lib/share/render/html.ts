import type { Nodes } from "hast";
import { find, html } from "property-information";

const VOID_ELEMENTS = new Set(["br", "hr", "img", "input", "col", "area", "wbr"]);

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Serialises a hast tree built by this module's markdown renderer. Text is always escaped; `raw` nodes
 * are written as they are, so only trusted HTML (KaTeX's output) may ever be put into one.
 */
export function toHtml(node: Nodes): string {
  switch (node.type) {
    case "root":
      return node.children.map(toHtml).join("");
    case "text":
      return escapeHtml(node.value);
    case "raw":
      return node.value;
    case "element": {
      const open = `<${node.tagName}${attributes(node.properties)}>`;
      if (VOID_ELEMENTS.has(node.tagName)) return open;
      return `${open}${node.children.map(toHtml).join("")}</${node.tagName}>`;
    }
    default:
      return "";
  }
}

function attributes(properties: Record<string, unknown>): string {
  let result = "";
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(html, key);
    if (value === true) {
      result += ` ${info.attribute}`;
      continue;
    }
    const text = Array.isArray(value) ? value.join(info.commaSeparated ? ", " : " ") : String(value);
    result += ` ${info.attribute}="${escapeHtml(text)}"`;
  }
  return result;
}
