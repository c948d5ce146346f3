// How the round trip reads a schema: its type names, its enum, and the request-body properties it holds to
// depth 6. Renderers (what a page shows) and the scorer (what a spec states) both read schemas here, so a
// page and the spec scraped from it are described in the same terms.
import type { Schema } from "./types.ts";

/** Request-body properties nest at most this deep in the facts (issue 12: "properties to depth 6"). */
export const MAX_PROPERTY_DEPTH = 6;
/** A body with more properties than this is cut there (a few real bodies have thousands at depth 6). */
export const MAX_PROPERTIES_PER_BODY = 2000;
/** anyOf/oneOf/allOf nest at most this deep when collecting types or properties. */
const MAX_COMBINATOR_DEPTH = 8;

const JSON_TYPES = new Set(["string", "integer", "number", "boolean", "object", "array", "null"]);

export function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function branches(schema: Schema, keyword: "anyOf" | "oneOf" | "allOf"): Schema[] {
  const list = schema[keyword];
  return Array.isArray(list) ? list.filter(isSchema) : [];
}

/**
 * The JSON types a schema admits, "null" included, in first-seen order: `type` (a name or a list), else the
 * union over anyOf/oneOf branches, else the type of a `const`. Empty when the schema does not say.
 */
export function schemaTypes(schema: Schema, depth = 0): string[] {
  const found = new Set<string>();
  const type = schema.type;
  for (const t of Array.isArray(type) ? type : [type]) {
    if (typeof t === "string" && JSON_TYPES.has(t)) found.add(t);
  }
  if (found.size === 0 && depth < MAX_COMBINATOR_DEPTH) {
    for (const branch of [...branches(schema, "anyOf"), ...branches(schema, "oneOf")]) {
      for (const t of schemaTypes(branch, depth + 1)) found.add(t);
    }
    if (found.size === 0)
      for (const branch of branches(schema, "allOf")) {
        for (const t of schemaTypes(branch, depth + 1)) found.add(t);
      }
  }
  if (found.size === 0 && "const" in schema) found.add(jsonTypeOf(schema.const));
  return [...found];
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value === "object" ? "object" : typeof value;
}

/** The one non-null type of a schema ("string" for `["string", "null"]`), or undefined when it has 0 or 2+. */
export function singleType(schema: Schema): string | undefined {
  const types = schemaTypes(schema).filter((t) => t !== "null");
  return types.length === 1 ? types[0] : undefined;
}

/** Whether the schema admits null: a "null" type (or branch), or null among its enum values. */
export function isNullable(schema: Schema): boolean {
  return schemaTypes(schema).includes("null") || (Array.isArray(schema.enum) && schema.enum.includes(null));
}

/** The items schema of an array schema (the first of a tuple), if it states one. */
export function itemsOf(schema: Schema): Schema | undefined {
  const items = schema.items ?? (Array.isArray(schema.prefixItems) ? schema.prefixItems[0] : undefined);
  return isSchema(items) ? items : undefined;
}

/**
 * The values a field may take: its own `enum` (a `const` as a one-value enum), or, for an array, those of its
 * items (a page lists "one of a, b" either way). Null is not among them (nullable is its own fact).
 */
export function enumValues(schema: Schema): unknown[] | undefined {
  const own = Array.isArray(schema.enum) ? schema.enum : "const" in schema ? [schema.const] : undefined;
  if (own) return own.filter((v) => v !== null);
  if (singleType(schema) === "array") {
    const items = itemsOf(schema);
    if (items) return enumValues(items);
  }
  return undefined;
}

/** One request-body property as a page shows it: `path` "address.city" or "items[].name". */
export interface BodyProperty {
  path: string;
  name: string;
  /** 1 for a top-level property. */
  depth: number;
  /** Required within its parent object. */
  required: boolean;
  schema: Schema;
}

interface ObjectShape {
  properties: [string, Schema][];
  required: Set<string>;
}

/** The properties of an object schema, with those of its allOf parts and its object anyOf/oneOf branches. */
function objectShape(schema: Schema, depth = 0): ObjectShape {
  const shape: ObjectShape = { properties: [], required: new Set() };
  const seen = new Set<string>();
  const add = (part: Schema, requiredCounts: boolean, level: number): void => {
    const props = part.properties;
    if (isSchema(props)) {
      for (const [name, value] of Object.entries(props)) {
        if (!isSchema(value) || seen.has(name)) continue;
        seen.add(name);
        shape.properties.push([name, value]);
      }
    }
    if (requiredCounts && Array.isArray(part.required)) {
      for (const name of part.required) if (typeof name === "string") shape.required.add(name);
    }
    if (level >= MAX_COMBINATOR_DEPTH) return;
    for (const b of branches(part, "allOf")) add(b, requiredCounts, level + 1);
    // A property of one branch of a choice is shown, but is not required by the body as a whole.
    for (const b of [...branches(part, "anyOf"), ...branches(part, "oneOf")]) add(b, false, level + 1);
  };
  add(schema, true, depth);
  return shape;
}

/**
 * Every property of a request body, parents before children, to depth 6 (array items' properties
 * count as children: "items[].name"), at most MAX_PROPERTIES_PER_BODY of them.
 */
export function bodyProperties(schema: Schema): BodyProperty[] {
  const out: BodyProperty[] = [];
  const walk = (object: Schema, prefix: string, depth: number): void => {
    const shape = objectShape(object);
    for (const [name, value] of shape.properties) {
      if (out.length >= MAX_PROPERTIES_PER_BODY) return;
      const path = prefix === "" ? name : `${prefix}.${name}`;
      out.push({ path, name, depth, required: shape.required.has(name), schema: value });
      if (depth >= MAX_PROPERTY_DEPTH) continue;
      const type = singleType(value);
      if (type === "array") {
        const items = itemsOf(value);
        if (items) walk(items, `${path}[]`, depth + 1);
      } else {
        walk(value, path, depth + 1);
      }
    }
  };
  walk(schema, "", 1);
  return out;
}
