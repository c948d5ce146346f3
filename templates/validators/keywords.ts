// Where subschemas live in a JSON Schema 2020-12 object: the keywords whose value is a schema, an array of
// schemas or a map of schemas. Walking by keyword (never by "any object inside") keeps values such as
// `const`, `enum` or `examples` from being read as schemas: an `$id` inside an enum is not an identifier.

export type SchemaObject = Record<string, unknown>;

/** Keywords whose value is one schema. */
export const SINGLE_SCHEMA_KEYWORDS = [
  "additionalProperties",
  "unevaluatedProperties",
  "items",
  "additionalItems",
  "unevaluatedItems",
  "contains",
  "propertyNames",
  "not",
  "if",
  "then",
  "else",
  "contentSchema",
] as const;

/** Keywords whose value is an array of schemas. */
export const ARRAY_SCHEMA_KEYWORDS = ["prefixItems", "allOf", "anyOf", "oneOf"] as const;

/** Keywords whose value is a map of schemas. */
export const MAP_SCHEMA_KEYWORDS = [
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
  "dependencies",
] as const;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isSchema(value: unknown): value is SchemaObject | boolean {
  return typeof value === "boolean" || isSchemaObject(value);
}

export function ownValue(object: SchemaObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** JSON Pointer segment escaping (RFC 6901). */
export function escapeSegment(key: string): string {
  if (key.indexOf("~") === -1 && key.indexOf("/") === -1) return key;
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Calls `visit` for every direct subschema with the pointer suffix that reaches it. */
export function forEachSubschema(
  schema: SchemaObject,
  visit: (subschema: SchemaObject | boolean, suffix: string) => void,
): void {
  for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
    const value = ownValue(schema, keyword);
    if (isSchema(value)) visit(value, `/${keyword}`);
    // Before 2020-12, "items" could be an array of schemas.
    else if (keyword === "items" && Array.isArray(value)) {
      value.forEach((item, i) => isSchema(item) && visit(item, `/items/${i}`));
    }
  }
  for (const keyword of ARRAY_SCHEMA_KEYWORDS) {
    const value = ownValue(schema, keyword);
    if (Array.isArray(value)) value.forEach((item, i) => isSchema(item) && visit(item, `/${keyword}/${i}`));
  }
  for (const keyword of MAP_SCHEMA_KEYWORDS) {
    const value = ownValue(schema, keyword);
    if (!isSchemaObject(value)) continue;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (isSchema(item)) visit(item, `/${keyword}/${escapeSegment(key)}`);
    }
  }
}
