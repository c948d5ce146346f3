// How renderers put a schema into words: type phrases ("array of strings", "string or null"), enum
// listings, and the one HTML escaper. Markdown escaping is scripts/lib/markdown-escape.ts (re-exported).
import type { Schema } from "../types.ts";
import { enumValues, isSchema, itemsOf, schemaTypes, singleType } from "../schema-walk.ts";

export { markdownCode, markdownText, markdownCellCode } from "../../lib/markdown-escape.ts";
export {
  bodyProperties,
  type BodyProperty,
  enumValues,
  isNullable,
  isSchema,
  singleType,
} from "../schema-walk.ts";

function plural(type: string): string {
  return type === "any" ? "any values" : `${type}s`;
}

/**
 * A schema's type in words: "string", "integer", "array of strings", "array of objects", "string or
 * null", "object or string", "any" (no type stated).
 */
export function typePhrase(schema: Schema): string {
  const types = schemaTypes(schema);
  if (types.length === 0) return "any";
  return types
    .map((t) => {
      if (t !== "array") return t;
      const items = itemsOf(schema);
      const itemType = items ? (singleType(items) ?? "any") : undefined;
      return itemType ? `array of ${plural(itemType)}` : "array";
    })
    .join(" or ");
}

/** A value as a page lists it: strings bare, everything else as JSON (`1`, `true`). */
export function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The enum values of a field as page text, in the spec's order ("a, b, c"); undefined when none. */
export function enumListing(schema: Schema, separator = ", "): string | undefined {
  const values = enumValues(schema);
  if (!values || values.length === 0) return undefined;
  return values.map(valueText).join(separator);
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text inside HTML element content (quotes stay as they are, as most renderers write them). */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Text inside HTML element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** The first branch of an anyOf/oneOf without its own type, else the schema (a layout shows one choice). */
export function firstChoice(schema: Schema): Schema {
  for (const keyword of ["anyOf", "oneOf"]) {
    const list = schema[keyword];
    if (schema.type === undefined && Array.isArray(list) && isSchema(list[0])) return list[0];
  }
  return schema;
}
