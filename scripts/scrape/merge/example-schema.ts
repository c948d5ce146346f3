// Field fragments from a JSON example: what a sample value shows of its schema. Strings that look like
// timestamps get a date-time format; nulls say the field is nullable; arrays of objects keep an item
// schema inferred from every element. These are the weakest facts and any stated type overrides them.
import { setOwn } from "../../lib/own.ts";
import type { FieldFragment, JsonSchema, Source } from "../fragment.ts";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The schema of one sample value, without its object properties (they become child fragments). */
export function scalarSchemaOf(value: unknown): JsonSchema {
  if (value === null) return { type: "null" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (typeof value === "number") return { type: Number.isInteger(value) ? "integer" : "number" };
  if (typeof value === "string") {
    if (ISO_DATE_TIME.test(value)) return { type: "string", format: "date-time" };
    if (ISO_DATE.test(value)) return { type: "string", format: "date" };
    return { type: "string" };
  }
  if (Array.isArray(value)) {
    const items = itemsSchemaOf(value);
    return items ? { type: "array", items } : { type: "array" };
  }
  return { type: "object" };
}

/** A whole schema (with properties) for a sample value; used for array items. */
export function fullSchemaOf(values: unknown[]): JsonSchema | undefined {
  const objects = values.filter(isRecord);
  if (objects.length > 0 && objects.length === values.length) {
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))].sort();
    const properties: Record<string, JsonSchema> = {};
    for (const key of keys) {
      const sub = fullSchemaOf(objects.filter((o) => key in o).map((o) => o[key]));
      setOwn(properties, key, sub ?? {});
    }
    return { type: "object", properties };
  }
  const schemas = values.map(scalarSchemaOf);
  const types = [...new Set(schemas.map((s) => s.type as string))];
  const first = schemas[0];
  if (!first) return undefined;
  if (types.length === 1) return first;
  const nonNull = types.filter((t) => t !== "null").sort();
  if (nonNull.length === 1 && types.includes("null"))
    return { ...schemas.find((s) => s.type === nonNull[0]), type: [nonNull[0], "null"] };
  return {};
}

function itemsSchemaOf(values: unknown[]): JsonSchema | undefined {
  return values.length === 0 ? undefined : fullSchemaOf(values);
}

/** One fragment per property (recursively through nested objects) of an example object. */
export function fieldsFromExample(value: unknown, source: Source, prefix: string[] = []): FieldFragment[] {
  if (!isRecord(value)) return [];
  const out: FieldFragment[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    const path = [...prefix, key];
    out.push({ path, schema: scalarSchemaOf(v), source, strength: "example" });
    if (isRecord(v)) out.push(...fieldsFromExample(v, source, path));
  }
  return out;
}

/** A Stripe-style list envelope: `{object: "list", data: [...], has_more}` or `{data: [...], has_more}`. */
export function isListEnvelope(value: unknown): value is Record<string, unknown> & { data: unknown[] } {
  if (!isRecord(value) || !Array.isArray(value.data)) return false;
  return value.object === "list" || typeof value.has_more === "boolean" || "next_cursor" in value;
}

export function isObjectExample(value: unknown): value is Record<string, unknown> {
  return isRecord(value);
}
