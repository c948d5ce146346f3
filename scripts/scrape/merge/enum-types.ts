// Enum values of the declared type. Lists and tables write every value as text ("1", "true"), so a field
// typed `integer` with values "1" and "2" means the integers 1 and 2; a JSON Schema that says
// `type: integer, enum: ["1", "2"]` accepts no value at all. One rule, used by the merge (which converts)
// and by the checks before writing (which refuse what is left).
import type { JsonSchema } from "../fragment.ts";

function typesOf(schema: JsonSchema): string[] {
  const t = schema.type;
  return typeof t === "string"
    ? [t]
    : Array.isArray(t)
      ? t.filter((x): x is string => typeof x === "string")
      : [];
}

/** Whether a JSON value is of one of the JSON Schema types (integer is a number without a fraction). */
export function valueFitsTypes(value: unknown, types: string[]): boolean {
  return types.some((t) => {
    switch (t) {
      case "null":
        return value === null;
      case "integer":
        return typeof value === "number" && Number.isInteger(value);
      case "number":
        return typeof value === "number";
      case "array":
        return Array.isArray(value);
      case "object":
        return typeof value === "object" && value !== null && !Array.isArray(value);
      default:
        return typeof value === t;
    }
  });
}

/** The value a text spells in one of the types ("2" -> 2 for integer), or undefined. */
function spelledAs(text: string, types: string[]): unknown {
  const s = text.trim();
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(s)) {
    const n = Number(s);
    if (valueFitsTypes(n, types)) return n;
  }
  if (types.includes("boolean") && (s === "true" || s === "false")) return s === "true";
  if (types.includes("null") && s === "null") return null;
  return undefined;
}

/** The enum values of `schema` that are not of its declared type, after conversion: what the checks refuse. */
export function enumValuesOffType(schema: JsonSchema): unknown[] {
  const types = typesOf(schema);
  if (types.length === 0 || !Array.isArray(schema.enum)) return [];
  return schema.enum.filter((v) => !valueFitsTypes(v, types));
}

/**
 * Converts text enum values to the declared type in place (on the node and on the items of an array).
 * Returns the values that spell no value of the type, which the caller drops and reports.
 */
export function convertEnumToType(schema: JsonSchema): unknown[] {
  const items = schema.items;
  const hasItems = typeof items === "object" && items !== null && !Array.isArray(items);
  // Most nodes of a spec have neither: nothing to convert, and no lists made to find that out.
  if (!Array.isArray(schema.enum) && !hasItems) return [];
  const dropped: unknown[] = [];
  const types = typesOf(schema);
  if (types.length > 0 && Array.isArray(schema.enum)) {
    const kept: unknown[] = [];
    for (const value of schema.enum) {
      if (valueFitsTypes(value, types)) kept.push(value);
      else {
        const converted = typeof value === "string" ? spelledAs(value, types) : undefined;
        if (converted !== undefined) kept.push(converted);
        else dropped.push(value);
      }
    }
    // Values no page spells in the type leave the enum; an enum left empty would accept nothing, so it goes.
    if (kept.length > 0) schema.enum = [...new Map(kept.map((v) => [JSON.stringify(v), v])).values()];
    else delete schema.enum;
  }
  if (hasItems) {
    const copy = { ...(items as JsonSchema) };
    dropped.push(...convertEnumToType(copy));
    schema.items = copy;
  }
  return dropped;
}
