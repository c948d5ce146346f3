// Merges field fragments from many pages into one schema, node by node. For each keyword of a node the
// strongest source that states it wins (schema > typed > prose > example); a weaker source that states a
// different value is a conflict, logged with both sources. Examples are samples, not statements, so
// example-derived types are first united (a string here and a null there make a nullable string).
import type { FieldFragment, JsonSchema, Source } from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import { MAX_JSON_DEPTH } from "../../lib/depth.ts";
import { formatSource, type MergeLog } from "./merge-log.ts";
import { setOwn } from "../../lib/own.ts";
import { convertEnumToType } from "./enum-types.ts";

interface Node {
  name: string;
  fragments: FieldFragment[];
  children: Map<string, Node>;
}

const COMBINATORS = ["anyOf", "oneOf", "allOf"] as const;

function newNode(name: string): Node {
  return { name, fragments: [], children: new Map() };
}

/**
 * The fragments as a tree by path. A field nested deeper than MAX_JSON_DEPTH (a dotted name of a thousand
 * parts) is dropped and logged: the merge and everything after it recurse as deep as the tree.
 */
function buildTree(fragments: FieldFragment[], ctx: FieldMergeContext): Node {
  const root = newNode("");
  for (const fragment of fragments) {
    if (fragment.path.length > MAX_JSON_DEPTH) {
      ctx.log.decide(
        "dropped",
        `${ctx.subject} ${fragment.path.slice(0, 3).join(".")}...`,
        `a field nested ${fragment.path.length} levels deep, more than the ${MAX_JSON_DEPTH} specsmith reads`,
        [fragment.source],
      );
      continue;
    }
    let node = root;
    for (const part of fragment.path) {
      let child = node.children.get(part);
      if (!child) {
        child = newNode(part);
        node.children.set(part, child);
      }
      node = child;
    }
    node.fragments.push(fragment);
  }
  return root;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

function typesOf(schema: JsonSchema | undefined): string[] {
  const t = schema?.type;
  return typeof t === "string" ? [t] : Array.isArray(t) ? (t as string[]) : [];
}

/** Unites what the examples show of a node: the union of their types, the first non-empty items. */
function uniteExamples(fragments: FieldFragment[]): FieldFragment | undefined {
  const examples = fragments.filter((f) => f.strength === "example");
  const first = examples[0];
  if (!first) return undefined;
  const types = new Set<string>();
  let items: unknown;
  let format: unknown;
  for (const f of examples) {
    for (const t of typesOf(f.schema)) types.add(t);
    items ??= f.schema?.items;
    format ??= f.schema?.format;
  }
  // "integer" and "number" seen together is a number.
  if (types.has("integer") && types.has("number")) types.delete("integer");
  const nonNull = [...types].filter((t) => t !== "null").sort();
  const schema: JsonSchema = {};
  if (nonNull.length > 0) {
    schema.type = types.has("null") ? [...nonNull, "null"] : nonNull.length === 1 ? nonNull[0] : nonNull;
  }
  // Only nulls were seen: the type is unknown, and any value (including null) is accepted.
  if (items !== undefined && nonNull.includes("array")) schema.items = items;
  if (format !== undefined && nonNull.length === 1 && nonNull[0] === "string") schema.format = format;
  return { ...first, schema };
}

function ranked(fragments: FieldFragment[]): FieldFragment[] {
  // One fragment that is no example (most nodes of a site: each field on one page) is its own ranking;
  // the general path below copied and sorted it, for each of thousands of nodes.
  const only = fragments.length === 1 ? fragments[0] : undefined;
  if (only && only.strength !== "example") return fragments;
  const nonExamples = fragments.filter((f) => f.strength !== "example");
  const united = uniteExamples(fragments);
  const list = united ? [...nonExamples, united] : nonExamples;
  // Stable sort: strength first, then the order the pages were read in.
  return list
    .map((f, i) => ({ f, i }))
    .sort((a, b) => STRENGTH_RANK[b.f.strength] - STRENGTH_RANK[a.f.strength] || a.i - b.i)
    .map(({ f }) => f);
}

export interface MergedField {
  schema: JsonSchema;
  required: boolean;
}

export interface FieldMergeContext {
  log: MergeLog;
  /** What the fields belong to, for messages: "POST /v1/items body". */
  subject: string;
  owner: string;
  factPrefix: string;
}

function describeValue(v: unknown): string {
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + "..." : s;
}

function hasCombinator(f: FieldFragment): boolean {
  return COMBINATORS.some((c) => f.schema?.[c] !== undefined);
}

function mergeKeywords(list: FieldFragment[], ctx: FieldMergeContext, where: string): JsonSchema {
  const out: JsonSchema = {};
  // One source (most nodes of a site): its keywords as they are, with no winner to compare against.
  if (list.length === 1) {
    const schema = (list[0] as FieldFragment).schema ?? {};
    for (const keyword of Object.keys(schema)) setOwn(out, keyword, schema[keyword]);
    return out;
  }
  const winners = new Map<string, FieldFragment>();
  const strongest = list[0];
  for (const f of list) {
    const schema = f.schema ?? {};
    // Keys, then each value: Object.entries made an array per keyword of every node of a site.
    for (const keyword of Object.keys(schema)) {
      const value = schema[keyword];
      // A combinator from a stronger source and a plain type from a weaker one describe the same node
      // in different shapes; keep the stronger shape whole instead of mixing them.
      if (
        keyword === "type" &&
        strongest &&
        strongest !== f &&
        hasCombinator(strongest) &&
        !strongest.schema?.type
      ) {
        continue;
      }
      if (
        (COMBINATORS as readonly string[]).includes(keyword) &&
        strongest &&
        strongest !== f &&
        strongest.schema?.type
      ) {
        continue;
      }
      const winner = winners.get(keyword);
      if (!winner) {
        winners.set(keyword, f);
        setOwn(out, keyword, value);
      } else if (!deepEqual(out[keyword], value) && !sameTypeModuloEnumWord(keyword, out[keyword], value)) {
        ctx.log.decide(
          "conflict",
          `${ctx.subject} ${where}`,
          `${keyword}: ${describeValue(out[keyword])} (${winner.strength}, ${formatSource(winner.source)}) ` +
            `kept over ${describeValue(value)} (${f.strength}, ${formatSource(f.source)})`,
          [winner.source, f.source],
        );
      }
    }
  }
  return out;
}

/** "string" beside ["string", "null"] from an example is not worth a conflict line when a stronger source is non-null. */
function sameTypeModuloEnumWord(keyword: string, kept: unknown, other: unknown): boolean {
  if (keyword !== "type") return false;
  const a = Array.isArray(kept) ? kept : [kept];
  const b = Array.isArray(other) ? other : [other];
  return b.every((t) => t === "null" || a.includes(t)) && a.every((t) => t === "null" || b.includes(t));
}

function pickDescription(list: FieldFragment[]): FieldFragment | undefined {
  if (list.length === 1) {
    const only = list[0] as FieldFragment;
    return only.description && only.description.trim() !== "" ? only : undefined;
  }
  const withText = list.filter((f) => f.description && f.description.trim() !== "");
  const top = withText[0];
  if (!top) return undefined;
  // Among equally strong sources prefer the fuller text: captures often cut descriptions short.
  return withText
    .filter((f) => STRENGTH_RANK[f.strength] === STRENGTH_RANK[top.strength])
    .reduce((best, f) => ((f.description?.length ?? 0) > (best.description?.length ?? 0) ? f : best));
}

function pickRequired(list: FieldFragment[], ctx: FieldMergeContext, where: string): boolean {
  if (list.length === 1) return (list[0] as FieldFragment).required === true;
  const stated = list.filter((f) => f.required !== undefined);
  const winner = stated[0];
  if (!winner) return false;
  for (const f of stated.slice(1)) {
    if (f.required !== winner.required && f.strength !== "example") {
      ctx.log.decide(
        "conflict",
        `${ctx.subject} ${where}`,
        `required: ${winner.required} (${winner.strength}, ${formatSource(winner.source)}) kept over ` +
          `${f.required} (${f.strength}, ${formatSource(f.source)})`,
        [winner.source, f.source],
      );
    }
  }
  return winner.required === true;
}

function attachChildren(
  schema: JsonSchema,
  properties: Record<string, JsonSchema>,
  required: string[],
  typeStated = false,
  childrenFromBlock = false,
): void {
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  // A JSON Schema block that writes `properties` beside `type: array` states them there; the block's items
  // are kept whole in its own `items` keyword, so its children never belong to them.
  if (!branches && typesOf(schema).includes("array") && !childrenFromBlock) {
    // An array has no properties: the children a page lists under it (`parts[].size`, "child attributes"
    // of an "array of objects") are the properties of its items.
    const items = { ...((schema.items ?? {}) as JsonSchema) };
    if (!items.type && !items.anyOf && !items.oneOf && !items.$ref) items.type = "object";
    schema.items = items;
    attachChildren(items, properties, required);
    return;
  }
  const objectBranch = branches?.filter((b) => b.type === "object" || b.properties);
  const target = objectBranch?.length === 1 && objectBranch[0] ? objectBranch[0] : schema;
  const existing = (target.properties ?? {}) as Record<string, JsonSchema>;
  target.properties = { ...properties, ...existing };
  if (target === schema && !schema.type && !branches && !typeStated) schema.type = "object";
  const req = new Set([...((target.required as string[] | undefined) ?? []), ...required]);
  if (req.size > 0) target.required = [...req].sort();
}

/**
 * Enum values as the declared type: lists write every value as text, so `integer` with "1", "2" is 1, 2.
 * A value that spells nothing of the type contradicts it: dropped, and the conflict logged.
 */
function typedEnum(schema: JsonSchema, list: FieldFragment[], ctx: FieldMergeContext, where: string): void {
  const dropped = convertEnumToType(schema);
  if (dropped.length === 0) return;
  ctx.log.decide(
    "conflict",
    `${ctx.subject} ${where}`,
    `enum value${dropped.length > 1 ? "s" : ""} ${dropped.map(describeValue).join(", ")} not of the declared ` +
      `type ${describeValue(schema.type)}: left out`,
    list.map((f) => f.source).slice(0, 3),
  );
}

function mergeNode(node: Node, ctx: FieldMergeContext, path: string[]): MergedField {
  const where = path.join(".");
  const list = ranked(node.fragments);
  const schema = mergeKeywords(list, ctx, where);
  const description = pickDescription(list);
  if (description?.description) schema.description = description.description;
  if (list.some((f) => f.deprecated)) schema.deprecated = true;
  const required = pickRequired(list, ctx, where);
  const top = list[0];
  if (top) {
    ctx.log.record({
      owner: ctx.owner,
      fact: `${ctx.factPrefix}${where}`,
      source: top.source,
      strength: top.strength,
      also:
        list.length === 1
          ? []
          : uniqueSources(
              list.slice(1).map((f) => f.source),
              top.source,
            ),
    });
  }
  if (node.children.size > 0) {
    const merged = mergeChildren(node, ctx, path);
    // A JSON Schema block that gives a node properties but no type states none; other layouts imply "object"
    // where a page lists the node itself. A node only its children's dotted names show (`urls.href` in a
    // leaves-only list) may as well be an array of objects: its type is not shown, so none is stated.
    const typeStated = list.length === 0 || list.some((f) => f.strength === "schema");
    const childrenFromBlock =
      list.some((f) => f.strength === "schema") &&
      [...node.children.values()].every((c) => c.fragments.some((f) => f.strength === "schema"));
    attachChildren(schema, merged.properties, merged.required, typeStated, childrenFromBlock);
    reportMissingFromSchemaBlock(node, ctx, path);
  }
  // Once the node's type is final: children make a node that stated no type an object, and an enum read
  // for it before then ("any", then prose) is of no type it can have.
  typedEnum(schema, list, ctx, where);
  return { schema, required };
}

function uniqueSources(sources: Source[], except: Source): Source[] {
  // Most nodes have one source: no other to compare (formatting `except` cost a string per node).
  if (sources.length === 0) return sources;
  const seen = new Set([formatSource(except)]);
  return sources.filter((s) => {
    const k = formatSource(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function mergeChildren(
  node: Node,
  ctx: FieldMergeContext,
  path: string[],
): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const name of [...node.children.keys()].sort()) {
    const child = node.children.get(name);
    if (!child) continue;
    const merged = mergeNode(child, ctx, [...path, name]);
    setOwn(properties, name, merged.schema);
    if (merged.required) required.push(name);
  }
  return { properties, required };
}

/**
 * A property that a JSON Schema block leaves out but a weaker page documents is kept (documentation
 * omits more often than it invents) and reported, since a closed schema block contradicts it.
 */
function reportMissingFromSchemaBlock(node: Node, ctx: FieldMergeContext, path: string[]): void {
  const schemaSources = new Set<string>();
  const schemaFiles: Source[] = [];
  for (const child of node.children.values()) {
    for (const f of child.fragments) {
      if (f.strength === "schema" && !schemaSources.has(f.source.file)) {
        schemaSources.add(f.source.file);
        schemaFiles.push(f.source);
      }
    }
  }
  if (schemaFiles.length === 0) return;
  for (const [name, child] of node.children) {
    if (child.fragments.some((f) => f.strength === "schema")) continue;
    const others = child.fragments.map((f) => f.source);
    if (others.length === 0) continue;
    ctx.log.decide(
      "conflict",
      `${ctx.subject} ${[...path, name].join(".")}`,
      `documented by ${others.map(formatSource).join(", ")} but absent from the JSON Schema block ` +
        `(${schemaFiles.map(formatSource).join(", ")}); kept, since the block may be out of date`,
      [...schemaFiles, ...others],
    );
  }
}

/**
 * Merges fragments that describe the properties of one object (a request body, a response body, a
 * component) into an object schema.
 */
export function mergeObjectFields(fragments: FieldFragment[], ctx: FieldMergeContext): JsonSchema {
  const root = buildTree(fragments, ctx);
  const { properties, required } = mergeChildren(root, ctx, []);
  const schema: JsonSchema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  // The object's own keywords a schema block states (additionalProperties: false, minProperties...).
  if (root.fragments.length > 0) {
    const own = mergeKeywords(ranked(root.fragments), ctx, "(the object itself)");
    for (const [keyword, value] of Object.entries(own)) {
      if (keyword !== "type" && keyword !== "properties" && keyword !== "required")
        setOwn(schema, keyword, value);
    }
  }
  reportMissingFromSchemaBlock(root, ctx, []);
  return schema;
}

/** Merges fragments that describe one field (a parameter). */
export function mergeSingleField(fragments: FieldFragment[], ctx: FieldMergeContext): MergedField {
  const root = buildTree(
    fragments.map((f) => ({ ...f, path: ["$"].concat(f.path.slice(1)) })),
    ctx,
  );
  const node = root.children.get("$") ?? newNode("$");
  return mergeNode(node, { ...ctx }, []);
}
