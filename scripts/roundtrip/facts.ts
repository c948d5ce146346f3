// The fact vocabulary of the round trip: the ONE place that turns an operation of a RenderApi into the
// canonical Fact values of types.ts. Renderers place these facts on their pages; the scorer computes them
// again from the scraped spec (loaded into a RenderApi the same way), so both sides agree by construction.
import type { Fact, RenderApi, RenderOperation, RenderParameter, Schema } from "./types.ts";
import { type BodyProperty, bodyProperties, enumValues, isNullable, singleType } from "./schema-walk.ts";

/** "GET /v1/customers/{}": method upper case, template names erased (a page may rename them). */
export function operationKey(op: Pick<RenderOperation, "method" | "path">): string {
  return `${op.method.toUpperCase()} ${op.path.replace(/\{[^{}]*\}/g, "{}")}`;
}

/** The canonical text of an enum: its values' JSON texts, sorted by code units, as a JSON array. */
export function canonicalEnum(values: readonly unknown[]): string {
  const texts = [...new Set(values.map((v) => JSON.stringify(v)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return `[${texts.join(",")}]`;
}

/** Limits a page may state of a field, each a fact when the schema sets it. */
export const LIMIT_KEYWORDS = [
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
] as const;

function fact(
  op: RenderOperation,
  kind: Fact["kind"],
  where: string,
  attribute: string,
  value: string,
): Fact {
  return { operation: operationKey(op), kind, where, attribute, value };
}

export function operationFact(op: RenderOperation): Fact {
  return fact(op, "operation", "", "exists", "true");
}

export function statusFact(op: RenderOperation, status: string): Fact {
  return fact(op, "status", status.toUpperCase(), "exists", "true");
}

/**
 * Header parameters OpenAPI says to ignore ("If in is header and the name field is Accept, Content-Type or
 * Authorization, the parameter definition SHALL be ignored"): media types and security schemes say them.
 */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/**
 * A parameter's facts: exists, required (true/false), and its type when the schema states one. None for a
 * header OpenAPI ignores: a spec that declares one states nothing by it, so a scraper owes nothing for it.
 */
export function parameterFacts(op: RenderOperation, p: RenderParameter): Fact[] {
  if (p.in === "header" && IGNORED_HEADERS.has(p.name.toLowerCase())) return [];
  const where = `${p.in}.${p.name}`;
  const facts = [
    fact(op, "parameter", where, "exists", "true"),
    fact(op, "parameter", where, "required", String(p.required)),
  ];
  const type = singleType(p.schema);
  if (type) facts.push(fact(op, "parameter", where, "type", type));
  return facts;
}

/**
 * What a request line with a path template (`POST /v1/x/:id`) states: the operation, and each path
 * parameter's existence and required (always true in a path); not its type.
 */
export function requestLineFacts(op: RenderOperation): Fact[] {
  return [
    operationFact(op),
    ...op.parameters
      .filter((p) => p.in === "path")
      .flatMap((p) =>
        parameterFacts(op, p).filter((f) => f.attribute === "exists" || f.attribute === "required"),
      ),
  ];
}

/**
 * The facts of a field's schema (no exists/required): type, enum (sorted JSON), nullable (only when true),
 * format, and each limit, as far as the schema states them.
 */
export function schemaAttributes(schema: Schema): [attribute: string, value: string][] {
  const out: [string, string][] = [];
  const type = singleType(schema);
  if (type) out.push(["type", type]);
  const values = enumValues(schema);
  if (values && values.length > 0) out.push(["enum", canonicalEnum(values)]);
  if (isNullable(schema)) out.push(["nullable", "true"]);
  if (typeof schema.format === "string") out.push(["format", schema.format]);
  for (const keyword of LIMIT_KEYWORDS) {
    const value = schema[keyword];
    if (typeof value === "number" || typeof value === "string") out.push([keyword, JSON.stringify(value)]);
  }
  return out;
}

/** A body property's facts: exists, required (true/false), then schemaAttributes. */
export function propertyFacts(op: RenderOperation, property: BodyProperty): Fact[] {
  const where = `body.${property.path}`;
  return [
    fact(op, "property", where, "exists", "true"),
    fact(op, "property", where, "required", String(property.required)),
    ...schemaAttributes(property.schema).map(([attribute, value]) =>
      fact(op, "property", where, attribute, value),
    ),
  ];
}

/** Every fact an operation states (what a lossless page would show). */
export function operationFacts(op: RenderOperation): Fact[] {
  return [
    operationFact(op),
    ...op.parameters.flatMap((p) => parameterFacts(op, p)),
    ...(op.requestBody ? bodyProperties(op.requestBody.schema).flatMap((p) => propertyFacts(op, p)) : []),
    ...op.responses.map((r) => statusFact(op, r.status)),
  ];
}

export function apiFacts(api: RenderApi): Fact[] {
  return api.operations.flatMap(operationFacts);
}

/** One line per fact, for sets and for printing: "GET /x/{}  parameter query.limit type=integer". */
export function factKey(f: Fact): string {
  return `${f.operation}\t${f.kind}\t${f.where}\t${f.attribute}=${f.value}`;
}
