// A tiny type IR for src/openapi.ts: just the TypeScript type forms openapi-typescript 7 produces, so the
// emitter can mirror its decisions (which depend on node kinds, e.g. "are all oneOf members primitive?")
// and then print text directly, without the TypeScript factory or printer.

export type KeywordName = "string" | "number" | "boolean" | "null" | "unknown" | "never" | "undefined";

export interface KeywordNode {
  kind: "keyword";
  name: KeywordName;
}
export interface LiteralNode {
  kind: "literal";
  value: string | number | boolean;
}
/** An indexed access into one of the file's own declarations: components["schemas"]["Pet"]. */
export interface RefNode {
  kind: "ref";
  root: string;
  path: readonly string[];
  /** The printed form, when the maker already has it (refs repeat: printed once, see refs.ts). */
  text?: string;
  /**
   * For a ref into a named component schema, the same type through its standalone declaration in
   * src/schema.ts: `Pet`, or `Pet["name"]` for a ref deeper into it. Files other than src/openapi.ts
   * print this form, so they need not reach openapi.ts.
   */
  schema?: string;
}
export interface ArrayNode {
  kind: "array";
  element: TypeNode;
}
export interface TupleNode {
  kind: "tuple";
  elements: readonly TypeNode[];
}
export interface UnionNode {
  kind: "union";
  members: readonly TypeNode[];
}
export interface IntersectionNode {
  kind: "intersection";
  members: readonly TypeNode[];
}
export interface Member {
  name: string;
  optional: boolean;
  readonly: boolean;
  type: TypeNode;
  /** JSDoc lines, already safe for a comment (see schema-doc.ts). */
  doc?: readonly string[];
}
export interface ObjectNode {
  kind: "object";
  members: readonly Member[];
  /** `[keyName: string]: type`. */
  index?: { keyName: string; type: TypeNode };
}
/** A use of a library or helper generic: Record, Omit, WithRequired. */
export interface GenericNode {
  kind: "generic";
  name: "Record" | "Omit" | "WithRequired";
  args: readonly TypeNode[];
}

export type TypeNode =
  | KeywordNode
  | LiteralNode
  | RefNode
  | ArrayNode
  | TupleNode
  | UnionNode
  | IntersectionNode
  | ObjectNode
  | GenericNode;

// Shared singletons: openapi-typescript compares with its UNKNOWN constant by identity in one place
// (nullable), and so does schema-to-type.ts.
export const STRING: KeywordNode = { kind: "keyword", name: "string" };
export const NUMBER: KeywordNode = { kind: "keyword", name: "number" };
export const BOOLEAN: KeywordNode = { kind: "keyword", name: "boolean" };
export const NULL: KeywordNode = { kind: "keyword", name: "null" };
export const UNKNOWN: KeywordNode = { kind: "keyword", name: "unknown" };
export const NEVER: KeywordNode = { kind: "keyword", name: "never" };

export const RECORD_STRING_UNKNOWN: GenericNode = {
  kind: "generic",
  name: "Record",
  args: [STRING, UNKNOWN],
};
export const RECORD_STRING_NEVER: GenericNode = { kind: "generic", name: "Record", args: [STRING, NEVER] };

/** openapi-typescript's tsIsPrimitive: the keywords it treats as primitive (not unknown, not literals). */
export function isPrimitive(node: TypeNode): boolean {
  return node.kind === "keyword" && node.name !== "unknown";
}

/** Drops repeated primitive keywords (`string | string`), as openapi-typescript's tsDedupe does. */
function dedupe(types: readonly TypeNode[]): readonly TypeNode[] {
  // Lists are short (two or three members) and rarely repeat: look for a repeat before copying.
  let repeated = false;
  for (let i = 1; i < types.length && !repeated; i++) {
    const t = types[i] as TypeNode;
    if (!isPrimitive(t)) continue;
    for (let j = 0; j < i; j++) if (types[j] === t || sameKeyword(types[j] as TypeNode, t)) repeated = true;
  }
  if (!repeated) return types;
  const seen = new Set<string>();
  return types.filter((t) => {
    if (!isPrimitive(t)) return true;
    const name = (t as KeywordNode).name;
    if (seen.has(name)) return false;
    seen.add(name);
    return true;
  });
}

function sameKeyword(a: TypeNode, b: TypeNode): boolean {
  return a.kind === "keyword" && b.kind === "keyword" && a.name === b.name;
}

/**
 * `A | B`. None is `never`, one is itself; otherwise a union node even when deduping leaves one member,
 * which keeps it non-primitive, as openapi-typescript's union node is.
 */
export function union(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TypeNode;
  return { kind: "union", members: dedupe(types) };
}

export function intersection(types: readonly TypeNode[]): TypeNode {
  if (types.length === 0) return NEVER;
  if (types.length === 1) return types[0] as TypeNode;
  return { kind: "intersection", members: dedupe(types) };
}

export function literal(value: string | number | boolean): LiteralNode {
  return { kind: "literal", value };
}

export function array(element: TypeNode): ArrayNode {
  return { kind: "array", element };
}

export function objectType(members: readonly Member[], index?: ObjectNode["index"]): ObjectNode {
  return index ? { kind: "object", members, index } : { kind: "object", members };
}

export function member(name: string, type: TypeNode, optional = false, doc?: readonly string[]): Member {
  return doc && doc.length > 0
    ? { name, optional, readonly: false, type, doc }
    : { name, optional, readonly: false, type };
}
