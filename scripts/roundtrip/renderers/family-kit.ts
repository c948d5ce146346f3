// What the renderers of the LAYOUTS.md families share beyond page-writer.ts: the seeded choice of a
// layout variant (so a corpus covers every variant a family has, the same way on every run), the sample
// values their curl commands and example JSON show, the order they put operations on pages in, and the
// filter that keeps only the facts a layout really states.
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Fact, RenderOperation, RenderParameter, Schema } from "../types.ts";
import { type BodyProperty, bodyProperties, enumValues, itemsOf, singleType } from "../schema-walk.ts";

/**
 * One of `options`, chosen by a hash of `key` (an API name, a page or a field path): deterministic, and
 * spread evenly over many keys, so a corpus of APIs covers every variant of a layout.
 */
export function pick<T>(key: string, options: readonly [T, ...T[]]): T {
  const digest = createHash("sha256").update(key).digest();
  return options[digest.readUInt32BE(0) % options.length] as T;
}

/** A path with its template variables written `:name` (docs.stripe.com, Fern). */
export function colonPath(path: string): string {
  return path.replace(/\{([^{}]*)\}/g, ":$1");
}

/** Descriptions as one line: layouts that glue or flatten text have no line breaks inside a field. */
export function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** The documented value of an enum member, from the `x-enumDescriptions` spellings specs use. */
export function enumValueDescription(schema: Schema, value: unknown, index: number): string | undefined {
  for (const keyword of ["x-enumDescriptions", "x-enum-descriptions"]) {
    const table = schema[keyword];
    if (Array.isArray(table) && typeof table[index] === "string") return oneLine(table[index]);
    if (table && typeof table === "object" && typeof value === "string") {
      const text = (table as Record<string, unknown>)[value];
      if (typeof text === "string") return oneLine(text);
    }
  }
  return undefined;
}

/** A plausible value of a field for a curl command or an example: its example, default, first enum value. */
export function sampleValue(schema: Schema, depth = 0): unknown {
  if ("example" in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ("default" in schema) return schema.default;
  const values = enumValues(schema);
  if (values && values.length > 0) return values[0];
  switch (singleType(schema)) {
    case "integer":
      return 1;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "array": {
      const items = itemsOf(schema);
      return depth < 2 && items ? [sampleValue(items, depth + 1)] : [];
    }
    case "object":
      return depth < 2 ? sampleObject(schema, false, depth + 1) : {};
    case "string":
      return schema.format === "date-time" ? "2024-01-15T09:30:00Z" : "string";
    default:
      return null;
  }
}

/** An example object of a schema's top-level properties (only the required ones when asked), at most 15. */
export function sampleObject(schema: Schema, requiredOnly: boolean, depth = 0): Record<string, unknown> {
  const sample: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const property of bodyProperties(schema)) {
    if (property.depth !== 1 || (requiredOnly && !property.required)) continue;
    if (Object.keys(sample).length >= 15) break;
    sample[property.name] = sampleValue(property.schema, depth);
  }
  return sample;
}

/** A value as a curl `-d name=value` writes it. */
export function formValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** "Not Found" for "404"; undefined for "4XX", "default" and codes without a standard reason. */
export function reasonPhrase(status: string): string | undefined {
  return /^\d{3}$/.test(status) ? STATUS_CODES[status] : undefined;
}

/** The first success response (2XX), which pages show as "the" response. */
export function successResponse(op: RenderOperation): RenderOperation["responses"][number] | undefined {
  return op.responses.find((r) => /^2/.test(r.status));
}

/** The request-body properties of an operation, parents before children (none without a body). */
export function bodyFields(op: RenderOperation): BodyProperty[] {
  return op.requestBody ? bodyProperties(op.requestBody.schema) : [];
}

/**
 * The properties a leaves-only list shows (docs.stripe.com's newer text and its markdown write `frame.depth`
 * and never the `frame` it sits in): those no other property nests under.
 */
export function leafProperties(properties: readonly BodyProperty[]): BodyProperty[] {
  const parents = new Set<string>();
  for (const p of properties) {
    const dot = p.path.lastIndexOf(".");
    if (dot > 0) parents.add(p.path.slice(0, dot).replace(/\[\]$/, ""));
  }
  return properties.filter((p) => !parents.has(p.path));
}

/** The facts among `facts` whose attribute a layout shows (exists and required are named like the rest). */
export function shownFacts(facts: readonly Fact[], attributes: ReadonlySet<string>): Fact[] {
  return facts.filter((f) => attributes.has(f.attribute));
}

/**
 * Operations grouped for multi-operation pages: by first tag in the spec's order, each group cut into
 * runs of at most `size`.
 */
export function groupOperations(ops: readonly RenderOperation[], size: number): RenderOperation[][] {
  const byTag = new Map<string, RenderOperation[]>();
  for (const op of ops) {
    const tag = op.tags[0] ?? "";
    const group = byTag.get(tag) ?? [];
    group.push(op);
    byTag.set(tag, group);
  }
  const pages: RenderOperation[][] = [];
  for (const group of byTag.values()) {
    for (let i = 0; i < group.length; i += size) pages.push(group.slice(i, i + size));
  }
  return pages;
}

/** A page file name: a running number (stable order) and a readable slug of the operation. */
export function pageFile(index: number, op: RenderOperation, extension: string): string {
  const slug = `${op.method}-${op.path}`
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60)
    .toLowerCase();
  return `${String(index + 1).padStart(4, "0")}-${slug}${extension}`;
}

/** An operation's title as pages show it: its summary, else its operationId, else method and path. */
export function operationTitle(op: RenderOperation): string {
  return oneLine(op.summary) || op.operationId || `${op.method.toUpperCase()} ${op.path}`;
}

/** A parameter's schema carrying the parameter's own description (pages show one description a field). */
export function parameterSchema(p: RenderParameter): Schema {
  const description = p.description ?? p.schema.description;
  return description === undefined ? p.schema : { ...p.schema, description };
}
