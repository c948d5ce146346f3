// A schema as the diff compares it, so that spellings of the same thing compare equal: null as a type,
// as an enum value or as a `{type: "null"}` member of anyOf/oneOf (what the 3.0 upgrade writes for a
// nullable $ref) is one `nullable` flag; a wrapper with one member (`allOf: [$ref]`, `anyOf: [X, null]`)
// is its member; allOf members are merged into one set of keywords and properties, each property keeping
// the pointer of the schema that declares it.
import { checkDepth, MAX_SPEC_DEPTH } from "../../lib/depth.ts";
import { ANNOTATION_KEYWORDS } from "../../lib/schema-annotations.ts";
import { child, isObject, type Obj } from "../../spec/pointer.ts";
import type { Located, Side } from "./side.ts";

/** A subschema and where it sits. */
export interface Member {
  schema: unknown;
  pointer: string;
}

export interface SchemaView {
  pointer: string;
  /** The schema's own keywords, then those of its allOf members (the first to set a keyword wins). */
  keywords: Obj;
  /** Types without "null", sorted; undefined when the schema does not restrict the type. */
  types: string[] | undefined;
  nullable: boolean;
  /** enum (or const) values without null; undefined when the schema has neither. */
  enumValues: unknown[] | undefined;
  properties: Map<string, Member>;
  required: Set<string>;
  /** oneOf/anyOf members other than the null one; undefined when the schema is not a union. */
  variants: { combinator: string; members: Member[] } | undefined;
  /** The schema as written where it is used (a $ref stays a $ref): a union's members are matched to it. */
  origin: Member;
}

function onlyAnnotationsBesides(node: Obj, keyword: string): boolean {
  for (const key of Object.keys(node)) {
    if (key !== keyword && !ANNOTATION_KEYWORDS.has(key) && !key.startsWith("x-")) return false;
  }
  return true;
}

/** `{type: "null"}`, `{const: null}` or `{enum: [null]}`, with annotations at most. */
export function isNullSchema(node: unknown): boolean {
  if (!isObject(node)) return false;
  const type = node.type;
  const nullType = type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null");
  const nullValue =
    (Object.hasOwn(node, "const") && node.const === null) ||
    (Array.isArray(node.enum) && node.enum.length === 1 && node.enum[0] === null);
  if (!nullType && !nullValue) return false;
  return Object.keys(node).every((k) => ["type", "const", "enum"].includes(k) || ANNOTATION_KEYWORDS.has(k));
}

export interface Unwrapped extends Member {
  /** A null member was dropped on the way. */
  nullable: boolean;
}

/** Strips wrappers that have a single real member: `allOf: [X]`, `anyOf: [X, {type: null}]`. */
export function unwrap(schema: unknown, pointer: string): Unwrapped {
  let node = schema;
  let at = pointer;
  let nullable = false;
  for (let depth = 0; depth < 32 && isObject(node); depth++) {
    let inner: Member | undefined;
    for (const keyword of ["allOf", "anyOf", "oneOf"]) {
      const list = node[keyword];
      if (!Array.isArray(list) || !onlyAnnotationsBesides(node, keyword)) continue;
      const indexed = list.map((m: unknown, i: number) => ({ m, i }));
      // allOf with a null member means nothing can match: not a nullable wrapper.
      const real = keyword === "allOf" ? indexed : indexed.filter(({ m }) => !isNullSchema(m));
      if (real.length !== 1) continue;
      const only = real[0] as { m: unknown; i: number };
      if (real.length < list.length) nullable = true;
      inner = { schema: only.m, pointer: child(child(at, keyword), only.i) };
      break;
    }
    if (!inner) break;
    node = inner.schema;
    at = inner.pointer;
  }
  return { schema: node, pointer: at, nullable };
}

/** The view of a resolved schema object; `nullable` carries a null dropped by unwrap(). */
export function viewOf(side: Side, located: Located, nullable: boolean): SchemaView {
  const view: SchemaView = {
    pointer: located.pointer,
    keywords: {},
    types: undefined,
    nullable,
    enumValues: undefined,
    properties: new Map(),
    required: new Set(),
    variants: undefined,
    origin: { schema: located.node, pointer: located.pointer },
  };
  merge(side, view, located.node, located.pointer, new Set());
  readTypes(view);
  readEnum(view);
  enumUnion(side, view);
  return view;
}

/**
 * A union whose members are each just a list of values (`oneOf: [{const: "a"}, {enum: ["b"]}]`) says what
 * an enum says, and is compared as one: `enum: [a, b]` rewritten that way is no change.
 */
function enumUnion(side: Side, view: SchemaView): void {
  if (!view.variants || view.variants.members.length === 0 || view.enumValues) return;
  const values: unknown[] = [];
  const types = new Set<string>();
  for (const member of view.variants.members) {
    const node = side.resolve(member.schema, member.pointer)?.node;
    if (!node) return;
    const listed = Array.isArray(node.enum)
      ? node.enum
      : Object.hasOwn(node, "const")
        ? [node.const]
        : undefined;
    if (!listed) return;
    for (const key of Object.keys(node)) {
      if (
        key !== "type" &&
        key !== "enum" &&
        key !== "const" &&
        !ANNOTATION_KEYWORDS.has(key) &&
        !key.startsWith("x-")
      )
        return;
    }
    if (typeof node.type === "string") types.add(node.type);
    else if (Array.isArray(node.type)) for (const t of node.type) if (typeof t === "string") types.add(t);
    values.push(...listed);
  }
  view.variants = undefined;
  if (values.includes(null)) view.nullable = true;
  view.enumValues = values.filter((v) => v !== null);
  if (view.types === undefined && types.size > 0) view.types = [...types].filter((t) => t !== "null").sort();
}

/**
 * Merges a schema and its allOf members (depth first, in order: the first to set a keyword wins). With a
 * stack rather than recursion: allOf members are often $refs, and a chain of them can be any length.
 */
function merge(side: Side, view: SchemaView, root: Obj, rootPointer: string, seen: Set<string>): void {
  const stack: Located[] = [{ node: root, pointer: rootPointer }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as Located;
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    mergeOwn(view, node, pointer);
    if (!Array.isArray(node.allOf)) continue;
    const members: Located[] = [];
    node.allOf.forEach((member, i) => {
      const found = side.resolve(member, child(child(pointer, "allOf"), i));
      if (found) members.push(found);
    });
    for (let i = members.length - 1; i >= 0; i--) stack.push(members[i] as Located);
  }
}

function mergeOwn(view: SchemaView, node: Obj, pointer: string): void {
  for (const key of Object.keys(node)) {
    if (key === "allOf" || key === "properties" || key === "required") continue;
    if (!Object.hasOwn(view.keywords, key)) view.keywords[key] = node[key];
  }
  if (isObject(node.properties)) {
    for (const name of Object.keys(node.properties)) {
      if (!view.properties.has(name)) {
        view.properties.set(name, {
          schema: node.properties[name],
          pointer: child(child(pointer, "properties"), name),
        });
      }
    }
  }
  if (Array.isArray(node.required))
    for (const r of node.required) if (typeof r === "string") view.required.add(r);
  if (!view.variants) {
    for (const combinator of ["oneOf", "anyOf"]) {
      const list = node[combinator];
      if (!Array.isArray(list)) continue;
      const members: Member[] = [];
      list.forEach((m, i) => {
        if (isNullSchema(m)) view.nullable = true;
        else members.push({ schema: m, pointer: child(child(pointer, combinator), i) });
      });
      view.variants = { combinator, members };
      break;
    }
  }
}

function readTypes(view: SchemaView): void {
  const type = view.keywords.type;
  let types: string[] | undefined;
  if (typeof type === "string") types = [type];
  else if (Array.isArray(type)) types = type.filter((t): t is string => typeof t === "string");
  if (types?.includes("null")) {
    view.nullable = true;
    types = types.filter((t) => t !== "null");
  }
  // Properties or items without a type still say what the value is; "type: object" added is no change.
  if (types === undefined && !view.variants) {
    if (view.properties.size > 0 || Object.hasOwn(view.keywords, "additionalProperties")) types = ["object"];
    else if (Object.hasOwn(view.keywords, "items") || Object.hasOwn(view.keywords, "prefixItems"))
      types = ["array"];
  }
  view.types = types === undefined ? undefined : [...new Set(types)].sort();
}

function readEnum(view: SchemaView): void {
  const k = view.keywords;
  const values = Array.isArray(k.enum) ? k.enum : Object.hasOwn(k, "const") ? [k.const] : undefined;
  if (!values) return;
  if (values.includes(null)) view.nullable = true;
  view.enumValues = values.filter((v) => v !== null);
}

/** readOnly, writeOnly or deprecated on a subschema, written on it or on what its $ref points at. */
export function flag(side: Side, member: Member, key: "readOnly" | "writeOnly" | "deprecated"): boolean {
  if (isObject(member.schema) && member.schema[key] === true) return true;
  const target = side.resolve(unwrap(member.schema, member.pointer).schema, member.pointer);
  return target?.node[key] === true;
}

/** A schema's text without the words about it: two properties with equal text are the same property. */
export function shapeText(schema: unknown): string {
  if (!isObject(schema)) return JSON.stringify(schema);
  const rest: Obj = {};
  for (const key of Object.keys(schema)) {
    if (!["title", "description", "example", "examples", "$comment"].includes(key)) rest[key] = schema[key];
  }
  return JSON.stringify(rest);
}

/**
 * The $refs in the places the diff follows (properties, items, additionalProperties, prefixItems and the
 * members of allOf/anyOf/oneOf), not entering the components they name.
 */
export function followedRefs(node: unknown, out: Set<string> = new Set(), depth = 0): Set<string> {
  if (!isObject(node)) return out;
  checkDepth(depth, MAX_SPEC_DEPTH, "a schema");
  if (typeof node.$ref === "string") {
    out.add(node.$ref);
    return out;
  }
  if (isObject(node.properties))
    for (const key of Object.keys(node.properties)) followedRefs(node.properties[key], out, depth + 1);
  if (isObject(node.items)) followedRefs(node.items, out, depth + 1);
  if (isObject(node.additionalProperties)) followedRefs(node.additionalProperties, out, depth + 1);
  for (const keyword of ["prefixItems", "allOf", "anyOf", "oneOf"]) {
    const list = node[keyword];
    if (Array.isArray(list)) for (const member of list) followedRefs(member, out, depth + 1);
  }
  return out;
}
