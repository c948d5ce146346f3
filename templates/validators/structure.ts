// Structural identity of schemas, so identical subschemas share one generated function. Big specs repeat
// the same inline schema many times with different descriptions (Stripe's `metadata` anyOf appears 71
// times, a 300-value enum of merchant categories 12 times): the key ignores annotation keywords and is
// built bottom-up (a child is its small id in its parent's key), so computing it is linear in the spec.
import { ANNOTATION_KEYWORDS } from "../../scripts/lib/schema-annotations.ts";
import {
  ARRAY_SCHEMA_KEYWORDS,
  MAP_SCHEMA_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
  isSchema,
  isSchemaObject,
  type SchemaObject,
} from "./keywords.ts";

/** Keywords that never change whether a value is valid: annotations, and content (not asserted). */
const ANNOTATIONS = new Set([...ANNOTATION_KEYWORDS, "contentMediaType", "contentEncoding"]);

const SINGLE = new Set<string>(SINGLE_SCHEMA_KEYWORDS);
const ARRAY = new Set<string>(ARRAY_SCHEMA_KEYWORDS);
const MAP = new Set<string>(MAP_SCHEMA_KEYWORDS);

export interface Structure {
  /** Equal ids: the schemas validate the same way (given the same base URI). */
  id: number;
  /** Number of schema objects in the tree (how much code inlining it would make). */
  weight: number;
}

export class StructureIndex {
  private readonly known = new WeakMap<object, Structure>();
  private readonly ids = new Map<string, number>();

  of(schema: SchemaObject | boolean): Structure {
    if (typeof schema === "boolean") return { id: schema ? -1 : -2, weight: 0 };
    const known = this.known.get(schema);
    if (known) return known;
    // Children are written as their ids; `weight` adds up their sizes.
    const counter = { weight: 1 };
    const parts: [string, unknown][] = [];
    for (const key of Object.keys(schema).sort()) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
      const value = schema[key];
      if (SINGLE.has(key) || (key === "items" && !Array.isArray(value)))
        parts.push([key, this.child(value, counter)]);
      else if (ARRAY.has(key) && Array.isArray(value)) {
        const ids: unknown[] = [];
        for (const item of value) ids.push(this.child(item, counter));
        parts.push([key, ids]);
      } else if (MAP.has(key) && isSchemaObject(value)) {
        const entries: unknown[] = [];
        for (const name of Object.keys(value)) entries.push(name, this.child(value[name], counter));
        parts.push([key, entries]);
      } else parts.push([key, value]);
    }
    const weight = counter.weight;
    const text = JSON.stringify(parts);
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    const structure = { id, weight };
    this.known.set(schema, structure);
    return structure;
  }

  private child(value: unknown, counter: { weight: number }): unknown {
    // A non-schema value (an invalid spec) is wrapped so it never reads as a child's id.
    if (!isSchema(value)) return [value];
    const structure = this.of(value);
    counter.weight += structure.weight;
    return structure.id;
  }
}
