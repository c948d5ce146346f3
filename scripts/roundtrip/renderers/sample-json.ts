// Example values built from a schema, for the JSON samples the layouts show (a response body, a curl
// `-d`): the schema's own example, default, const or first enum value, else a placeholder of its type.
// Pages show these samples as decoration; no renderer records a fact from them.
import type { Schema } from "../types.ts";
import { isSchema, itemsOf, schemaTypes } from "../schema-walk.ts";
import { firstChoice } from "./schema-text.ts";

/** Nested objects and arrays are sampled this deep; deeper values are `{}` / `[]`. */
const MAX_SAMPLE_DEPTH = 5;
/** At most this many properties of one object are sampled (a real schema may have hundreds). */
const MAX_SAMPLE_PROPERTIES = 40;

/** A placeholder string by format, as documentation samples write them. */
function sampleString(schema: Schema): string {
  switch (schema.format) {
    case "date-time":
      return "2024-01-15T09:30:00Z";
    case "date":
      return "2024-01-15";
    case "uri":
    case "url":
      return "https://example.com";
    case "email":
      return "user@example.com";
    case "uuid":
      return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    default:
      return "string";
  }
}

/** A JSON value the schema admits (as far as a placeholder can), built to depth MAX_SAMPLE_DEPTH. */
export function sampleValue(schema: Schema, depth = 0): unknown {
  const chosen = firstChoice(schema);
  if ("example" in chosen) return chosen.example;
  if (Array.isArray(chosen.examples) && chosen.examples.length > 0) return chosen.examples[0];
  if ("default" in chosen) return chosen.default;
  if ("const" in chosen) return chosen.const;
  if (Array.isArray(chosen.enum) && chosen.enum.length > 0) return chosen.enum[0];
  const type = schemaTypes(chosen).find((t) => t !== "null") ?? (isSchema(chosen.properties) ? "object" : "");
  switch (type) {
    case "string":
      return sampleString(chosen);
    case "integer":
      return 1;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "array": {
      const items = itemsOf(chosen);
      return depth >= MAX_SAMPLE_DEPTH || !items ? [] : [sampleValue(items, depth + 1)];
    }
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_SAMPLE_DEPTH || !isSchema(chosen.properties)) return out;
      for (const [name, value] of Object.entries(chosen.properties).slice(0, MAX_SAMPLE_PROPERTIES)) {
        // defineProperty: a property named "__proto__" stays a plain key.
        if (isSchema(value)) {
          Object.defineProperty(out, name, {
            value: sampleValue(value, depth + 1),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return out;
    }
    case "null":
      return null;
    default:
      return "string";
  }
}

/** A sample as a query or form value (`limit=3`, `type=document`); undefined for objects and arrays. */
export function sampleScalarText(schema: Schema): string | undefined {
  const value = sampleValue(schema);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}
