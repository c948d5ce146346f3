// Flattens a JSON Schema block into one FieldFragment per property node, so a schema-bearing page can be
// merged node by node with pages that document the same object as tables or lists.
import type { FieldFragment, JsonSchema, Source, Strength } from "./fragment.ts";
import { setOwn } from "../lib/own.ts";
import { upgradeVisitor } from "../spec/upgrade.ts";
import { walkNode } from "../spec/walk.ts";

const CHILD_KEYWORDS = new Set(["properties", "required"]);

function isObject(v: unknown): v is JsonSchema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** How many dropped references a warning names before "and N more". */
const NAMED_REFS = 3;

/**
 * Converts a schema block, in place, to what it states as OpenAPI 3.1, and takes out every reference it
 * makes; returns what they pointed at.
 *
 * Blocks on pages are often OpenAPI 3.0 flavoured (`nullable`, `example`, boolean exclusive bounds), which
 * mean nothing or something else in 3.1; they are converted by the generator's own 3.0 -> 3.1 upgrade, so
 * a block means the same here as in a loaded spec.
 *
 * A block's `$ref` (`#/components/schemas/Pet`) and discriminator mapping values point into the document
 * the page was rendered from, not into the scraped spec, where they would dangle (and an invalid spec is
 * never written). The facts the block shows beside a reference are kept: a `$ref` with siblings keeps
 * them, one alone becomes `{}` (the page does not say what the value is), and a discriminator keeps its
 * `propertyName`.
 *
 * One walk does both (two walks over every page's block were a tenth of reading a whole site's pages). The
 * references are taken out in `enter`, after the node's upgrade, not in `ref`, which the walk calls before
 * `enter`: the upgrade moves a nullable `$ref` into an `anyOf` branch, which the walk then enters, and
 * whose `$ref` is taken out there, as a second walk over the upgraded block did.
 */
function upgradeAndDropRefs(block: JsonSchema): string[] {
  const dropped: string[] = [];
  walkNode(block, "schema", "", {
    enter(node, kind, pointer) {
      upgradeVisitor.enter?.(node, kind, pointer);
      if (typeof node.$ref === "string") {
        dropped.push(node.$ref);
        delete node.$ref;
      }
      const discriminator = node.discriminator;
      if (!isObject(discriminator) || !Object.hasOwn(discriminator, "mapping")) return;
      const mapping = discriminator.mapping;
      if (isObject(mapping)) dropped.push(...Object.values(mapping).map(String));
      delete discriminator.mapping;
    },
  });
  return [...new Set(dropped)];
}

/** The warning for the references upgradeAndDropRefs took out of a block. */
function droppedRefsWarning(refs: string[]): string {
  const named = refs.slice(0, NAMED_REFS).map((r) => JSON.stringify(r));
  const more = refs.length > NAMED_REFS ? ` and ${refs.length - NAMED_REFS} more` : "";
  return (
    `the schema block refers to ${named.join(", ")}${more}, which the page does not show: ` +
    `the references are left out and only what the block shows is kept`
  );
}

/** The keywords of a node that describe the node itself (children are fragments of their own). */
function ownKeywords(node: JsonSchema): JsonSchema {
  const own: JsonSchema = {};
  // setOwn: keys are page text, and "__proto__" must stay a key rather than replace the prototype.
  // Keys, then each value: Object.entries made an array per keyword of every property of a site.
  for (const k of Object.keys(node)) {
    if (!CHILD_KEYWORDS.has(k) && k !== "description") setOwn(own, k, node[k]);
  }
  return own;
}

/**
 * Returns the fragments for every property of `schema` (recursively through plain `properties`), after
 * converting the block to OpenAPI 3.1. A node's own schema keeps everything but its
 * `properties`/`required`; combinators (anyOf, oneOf, allOf) are kept whole inside the node, since their
 * branches are not properties of the node. The block's root keywords other than `type` and its children
 * (`additionalProperties: false`, `minProperties`...) come as a fragment with the empty path.
 * References the block makes are left out (upgradeAndDropRefs), with a warning through `warn`.
 */
export function fieldsFromSchema(
  schema: JsonSchema,
  source: Source,
  strength: Strength = "schema",
  warn: (message: string) => void = () => {},
): FieldFragment[] {
  return fieldsOfBlock(structuredClone(schema), source, strength, warn);
}

/**
 * fieldsFromSchema for a schema the caller parsed for this call and does not read again: it is converted
 * (and its references taken out) in place instead of on a copy. On a whole site the copy of every page's
 * block cost a fifth of reading the blocks.
 */
export function fieldsFromParsedSchema(
  parsed: JsonSchema,
  source: Source,
  strength: Strength = "schema",
  warn: (message: string) => void = () => {},
): FieldFragment[] {
  return fieldsOfBlock(parsed, source, strength, warn);
}

/** The fields of a block this call owns: converted to 3.1 and its references taken out, in place. */
function fieldsOfBlock(
  block: JsonSchema,
  source: Source,
  strength: Strength,
  warn: (message: string) => void,
): FieldFragment[] {
  const refs = upgradeAndDropRefs(block);
  if (refs.length > 0) warn(droppedRefsWarning(refs));
  const { type: _type, ...rootKeywords } = ownKeywords(block);
  const root: FieldFragment[] =
    Object.keys(rootKeywords).length > 0 ? [{ path: [], schema: rootKeywords, source, strength }] : [];
  return [...root, ...propertyFields(block, source, strength, [])];
}

function propertyFields(
  schema: JsonSchema,
  source: Source,
  strength: Strength,
  prefix: string[],
): FieldFragment[] {
  const out: FieldFragment[] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const path = [...prefix, name];
    // A node with properties but no `type` keeps none: the block states no type (any value may match).
    const own = ownKeywords(child);
    const fragment: FieldFragment = { path, schema: own, required: required.has(name), source, strength };
    if (typeof child.description === "string") fragment.description = child.description;
    if (child.deprecated === true) fragment.deprecated = true;
    out.push(fragment);
    if (isObject(child.properties)) out.push(...propertyFields(child, source, strength, path));
  }
  return out;
}
