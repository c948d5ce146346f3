// One walker over the structure of an OpenAPI 3.0/3.1 document, shared by the bundler, the 3.0 upgrade and
// the warnings, so that all three agree on what sits where: which objects are schemas (and so may be
// upgraded), and what a `$ref` at a given place must point at (a schema, a parameter, a path item...).
// It never follows a $ref (so recursive schemas cost nothing) and never enters data: example values,
// defaults, enums, consts, link parameters and extensions are left alone, even when they hold "$ref" keys.
// It recurses as deep as the document nests, so it stops at MAX_SPEC_DEPTH with an error naming the place.
import { checkDepth, MAX_SPEC_DEPTH } from "../lib/depth.ts";
import { child, isObject, type Obj } from "./pointer.ts";

export type Kind =
  | "pathItem"
  | "operation"
  | "parameter"
  | "requestBody"
  | "mediaType"
  | "encoding"
  | "response"
  | "header"
  | "example"
  | "link"
  | "callback"
  | "securityScheme"
  | "schema";

export interface Visitor {
  /**
   * A reference: `holder[key]` is the reference string. For a `$ref`, holder is the object holding it and
   * key is "$ref"; for a discriminator mapping entry (which may name a file), holder is the mapping.
   * `pointer` is where the reference string itself sits. `mapping` tells the two apart: a mapping value
   * may also be a plain schema name.
   */
  ref?(holder: Obj, key: string, kind: Kind, pointer: string, mapping: boolean): void;
  /**
   * Every object at a known position, before its children. Objects that are only a `$ref` are not entered,
   * except schemas, where a $ref may have siblings (3.1) and 3.0 specs write `nullable` next to one.
   * A visitor may rewrite `node` in place; the walker reads the children after the call.
   */
  enter?(node: Obj, kind: Kind, pointer: string): void;
}

const OPERATION_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** components.<section> -> the kind of each entry. */
export const COMPONENT_KINDS: Readonly<Record<string, Kind>> = {
  schemas: "schema",
  responses: "response",
  parameters: "parameter",
  examples: "example",
  requestBodies: "requestBody",
  headers: "header",
  securitySchemes: "securityScheme",
  links: "link",
  callbacks: "callback",
  pathItems: "pathItem",
};

// Schema keywords whose value holds subschemas: one schema, an array of schemas, or a map of name -> schema.
// Looked up per key present (rather than probing every keyword per schema): big specs have ~10^5 schemas.
type Shape = "one" | "list" | "map" | "items";
const ONE = [
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
  "additionalProperties",
  "contentSchema",
];
const ONE_MORE = ["unevaluatedProperties", "unevaluatedItems", "additionalItems"];
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAP = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];
const SCHEMA_KEYWORDS = new Map<string, Shape>([
  ...[...ONE, ...ONE_MORE].map((k): [string, Shape] => [k, "one"]),
  ...LIST.map((k): [string, Shape] => [k, "list"]),
  ...MAP.map((k): [string, Shape] => [k, "map"]),
  ["items", "items"],
]);

/** One visitor that runs several in order, so that independent passes share a single walk. */
export function combine(...visitors: Visitor[]): Visitor {
  const refs = visitors.filter((v) => v.ref);
  const enters = visitors.filter((v) => v.enter);
  return {
    ref:
      refs.length === 0
        ? undefined
        : (holder, key, kind, pointer, mapping) => {
            for (const v of refs) v.ref?.(holder, key, kind, pointer, mapping);
          },
    enter:
      enters.length === 0
        ? undefined
        : (node, kind, pointer) => {
            for (const v of enters) v.enter?.(node, kind, pointer);
          },
  };
}

/** Walks a whole document. */
export function walkDocument(doc: Obj, visitor: Visitor): void {
  const paths = doc.paths;
  if (isObject(paths)) walkMap(paths, "/paths", "pathItem", visitor, true, 0);
  const webhooks = doc.webhooks;
  if (isObject(webhooks)) walkMap(webhooks, "/webhooks", "pathItem", visitor, true, 0);
  const components = doc.components;
  if (isObject(components)) {
    for (const section of Object.keys(components)) {
      const kind = COMPONENT_KINDS[section];
      const entries = components[section];
      if (kind && Object.hasOwn(COMPONENT_KINDS, section) && isObject(entries)) {
        walkMap(entries, child("/components", section), kind, visitor, false, 0);
      }
    }
  }
}

/** Walks one object known to be of `kind` that sits at `pointer` (also used on bundled file content). */
export function walkNode(node: unknown, kind: Kind, pointer: string, visitor: Visitor, depth = 0): void {
  if (!isObject(node)) return;
  checkDepth(depth, MAX_SPEC_DEPTH, "the spec", pointer);
  const d = depth + 1;
  if (typeof node.$ref === "string") {
    visitor.ref?.(node, "$ref", kind, child(pointer, "$ref"), false);
    // A reference object stands for the thing it points at; only a schema has meaningful siblings.
    if (kind !== "schema") return;
  }
  visitor.enter?.(node, kind, pointer);
  switch (kind) {
    case "pathItem":
      walkList(node.parameters, child(pointer, "parameters"), "parameter", visitor, d);
      for (const method of OPERATION_METHODS) {
        if (Object.hasOwn(node, method))
          walkNode(node[method], "operation", child(pointer, method), visitor, d);
      }
      return;
    case "operation":
      walkList(node.parameters, child(pointer, "parameters"), "parameter", visitor, d);
      walkNode(node.requestBody, "requestBody", child(pointer, "requestBody"), visitor, d);
      if (isObject(node.responses))
        walkMap(node.responses, child(pointer, "responses"), "response", visitor, true, d);
      if (isObject(node.callbacks))
        walkMap(node.callbacks, child(pointer, "callbacks"), "callback", visitor, true, d);
      return;
    case "callback":
      // A callback maps runtime expressions to path items.
      walkMap(node, pointer, "pathItem", visitor, true, d);
      return;
    case "parameter":
    case "header":
      walkNode(node.schema, "schema", child(pointer, "schema"), visitor, d);
      walkContent(node, pointer, visitor, d);
      walkExamples(node, pointer, visitor, d);
      return;
    case "requestBody":
      walkContent(node, pointer, visitor, d);
      return;
    case "response":
      if (isObject(node.headers))
        walkMap(node.headers, child(pointer, "headers"), "header", visitor, false, d);
      walkContent(node, pointer, visitor, d);
      if (isObject(node.links)) walkMap(node.links, child(pointer, "links"), "link", visitor, false, d);
      return;
    case "mediaType":
      walkNode(node.schema, "schema", child(pointer, "schema"), visitor, d);
      walkExamples(node, pointer, visitor, d);
      if (isObject(node.encoding))
        walkMap(node.encoding, child(pointer, "encoding"), "encoding", visitor, false, d);
      return;
    case "encoding":
      if (isObject(node.headers))
        walkMap(node.headers, child(pointer, "headers"), "header", visitor, false, d);
      return;
    case "schema":
      walkSchemaChildren(node, pointer, visitor, d);
      return;
    case "example":
    case "link":
    case "securityScheme":
      // Nothing structural inside: example values, link parameters and flows are data.
      return;
  }
}

function walkSchemaChildren(node: Obj, pointer: string, visitor: Visitor, d: number): void {
  for (const key of Object.keys(node)) {
    const shape = SCHEMA_KEYWORDS.get(key);
    if (shape === undefined) continue;
    const value = node[key];
    if (shape === "one") walkNode(value, "schema", child(pointer, key), visitor, d);
    else if (shape === "list") walkList(value, child(pointer, key), "schema", visitor, d);
    // Property names are data, not extensions: a property called "x-id" is still a schema.
    else if (shape === "map") {
      if (isObject(value)) walkMap(value, child(pointer, key), "schema", visitor, false, d);
    }
    // `items` is one schema, or (draft 4 tuples, seen in 3.0 specs) a list of them.
    else if (Array.isArray(value)) walkList(value, child(pointer, key), "schema", visitor, d);
    else walkNode(value, "schema", child(pointer, key), visitor, d);
  }
  const discriminator = node.discriminator;
  if (isObject(discriminator) && isObject(discriminator.mapping) && visitor.ref) {
    const mapping = discriminator.mapping;
    const at = child(child(pointer, "discriminator"), "mapping");
    for (const name of Object.keys(mapping)) {
      if (typeof mapping[name] === "string") visitor.ref(mapping, name, "schema", child(at, name), true);
    }
  }
}

function walkContent(node: Obj, pointer: string, visitor: Visitor, d: number): void {
  if (isObject(node.content))
    walkMap(node.content, child(pointer, "content"), "mediaType", visitor, false, d);
}

function walkExamples(node: Obj, pointer: string, visitor: Visitor, d: number): void {
  // `examples` of parameters, headers and media types is a map of Example Objects (which may be $refs);
  // the singular `example` is a value.
  if (isObject(node.examples))
    walkMap(node.examples, child(pointer, "examples"), "example", visitor, false, d);
}

function walkMap(
  map: Obj,
  pointer: string,
  kind: Kind,
  visitor: Visitor,
  skipExtensions: boolean,
  depth: number,
): void {
  for (const key of Object.keys(map)) {
    if (skipExtensions && key.startsWith("x-")) continue;
    walkNode(map[key], kind, child(pointer, key), visitor, depth);
  }
}

function walkList(list: unknown, pointer: string, kind: Kind, visitor: Visitor, depth: number): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) walkNode(list[i], kind, child(pointer, i), visitor, depth);
}
