// Flattens a JSON Schema block into one FieldFragment per property node, so a schema-bearing page can be
// merged node by node with pages that document the same object as tables or lists.
import type { FieldFragment, JsonSchema, Source, Strength } from "./fragment.ts";

const CHILD_KEYWORDS = new Set(["properties", "required"]);

function isObject(v: unknown): v is JsonSchema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Returns the fragments for every property of `schema` (recursively through plain `properties`).
 * A node's own schema keeps everything but its `properties`/`required`; combinators (anyOf, oneOf, allOf)
 * are kept whole inside the node, since their branches are not properties of the node.
 */
export function fieldsFromSchema(
  schema: JsonSchema,
  source: Source,
  strength: Strength = "schema",
  prefix: string[] = [],
): FieldFragment[] {
  const out: FieldFragment[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const path = [...prefix, name];
    const own: JsonSchema = {};
    for (const [k, v] of Object.entries(child)) {
      if (!CHILD_KEYWORDS.has(k) && k !== "description") own[k] = v;
    }
    if (isObject(child.properties)) {
      // An object node: its properties become child fragments; keep an explicit object type.
      own.type ??= "object";
    }
    const fragment: FieldFragment = { path, schema: own, required: required.has(name), source, strength };
    if (typeof child.description === "string") fragment.description = child.description;
    if (child.deprecated === true) fragment.deprecated = true;
    out.push(fragment);
    if (isObject(child.properties)) out.push(...fieldsFromSchema(child, source, strength, path));
  }
  return out;
}
