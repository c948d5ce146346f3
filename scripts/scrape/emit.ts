// Deterministic YAML for specs: keys in the order OpenAPI readers expect (openapi, info, servers...; an
// operation's summary before its responses; a schema's type before its description), maps of names
// (paths, properties, schemas, responses) sorted, so the same inputs give the same bytes and diffs in
// pull requests show only real changes.
import { blockYaml, type KeyOrder } from "../lib/block-yaml.ts";

const DOCUMENT = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "security",
  "tags",
  "paths",
  "webhooks",
  "components",
];
const INFO = ["title", "summary", "version", "description", "termsOfService", "contact", "license"];
const PATH_ITEM = [
  "summary",
  "description",
  "parameters",
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
];
const OPERATION = [
  "summary",
  "operationId",
  "x-renderer-operation-id",
  "description",
  "tags",
  "deprecated",
  "security",
  "parameters",
  "requestBody",
  "responses",
  "callbacks",
  "servers",
];
const PARAMETER = [
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "style",
  "explode",
  "allowReserved",
  "schema",
  "example",
  "examples",
  "content",
];
const SECURITY_SCHEME = [
  "type",
  "description",
  "scheme",
  "bearerFormat",
  "name",
  "in",
  "flows",
  "openIdConnectUrl",
];
const MEDIA = ["schema", "example", "examples", "encoding"];
const RESPONSE = ["description", "headers", "content", "links"];
const SCHEMA = [
  "$ref",
  "title",
  "type",
  "format",
  "const",
  "enum",
  "default",
  "description",
  "deprecated",
  "readOnly",
  "writeOnly",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "minItems",
  "maxItems",
  "uniqueItems",
  "items",
  "prefixItems",
  "required",
  "properties",
  "additionalProperties",
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "example",
  "examples",
];

type Role =
  | "document"
  | "info"
  | "pathItem"
  | "operation"
  | "parameter"
  | "securityScheme"
  | "media"
  | "response"
  | "schema"
  | "nameMap"
  | "data"
  | "other";

/** Maps keyed by names rather than keywords: their keys sort alphabetically. */
const NAME_MAPS: Record<string, Role> = {
  paths: "pathItem",
  properties: "schema",
  schemas: "schema",
  $defs: "schema",
  patternProperties: "schema",
  securitySchemes: "securityScheme",
  responses: "response",
  content: "media",
  encoding: "other",
  headers: "parameter",
  parameters: "parameter",
  requestBodies: "other",
};

const ORDERS: Partial<Record<Role, string[]>> = {
  document: DOCUMENT,
  info: INFO,
  pathItem: PATH_ITEM,
  operation: OPERATION,
  parameter: PARAMETER,
  securityScheme: SECURITY_SCHEME,
  media: MEDIA,
  response: RESPONSE,
  schema: SCHEMA,
};

/** Each role's key order as key -> position, so sorting an object's keys does not search the list per key. */
const RANKS: Partial<Record<Role, ReadonlyMap<string, number>>> = Object.fromEntries(
  Object.entries(ORDERS).map(([role, keys]) => [role, new Map(keys.map((k, i) => [k, i]))]),
);

const HTTP = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
/** Keywords whose values are data from the API, kept exactly as given. */
const DATA_KEYS = new Set(["example", "default", "const", "enum", "examples"]);
const SCHEMA_CHILDREN = new Set([
  "items",
  "additionalProperties",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "propertyNames",
]);
const SCHEMA_LISTS = new Set(["anyOf", "oneOf", "allOf", "prefixItems"]);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The role of the value under `key` inside an object of role `parent`. */
function childRole(parent: Role, key: string): Role {
  if (parent === "data" || DATA_KEYS.has(key)) return "data";
  if (parent === "nameMap") return "other";
  // Own keys only: "constructor" or "toString" is no map of names.
  if (Object.hasOwn(NAME_MAPS, key) && !(parent === "schema" && key === "required")) {
    // "parameters" is a list, not a map; "headers" too is a map of parameter-like objects.
    return key === "parameters" ? "parameter" : "nameMap";
  }
  if (parent === "document") return key === "info" ? "info" : "other";
  if (parent === "pathItem" && HTTP.has(key)) return "operation";
  if (parent === "operation" && key === "requestBody") return "response";
  if (parent === "media" && key === "schema") return "schema";
  if (parent === "parameter" && key === "schema") return "schema";
  if (parent === "schema" && (SCHEMA_CHILDREN.has(key) || SCHEMA_LISTS.has(key))) return "schema";
  return "other";
}

/**
 * Where a value sits: its role, and for a map of names the role of the values it maps to. One object per
 * combination, made up front, so deciding a child's place allocates nothing.
 */
interface Place {
  role: Role;
  values: Role;
}

const PLACES = new Map<Role, Place>();
const NAME_MAP_PLACES = new Map<Role, Place>();

function place(role: Role): Place {
  let found = PLACES.get(role);
  if (!found) PLACES.set(role, (found = { role, values: "other" }));
  return found;
}

function nameMapOf(values: Role): Place {
  let found = NAME_MAP_PLACES.get(values);
  if (!found) NAME_MAP_PLACES.set(values, (found = { role: "nameMap", values }));
  return found;
}

/** Whether `key` is an array index, which an object lists before its other keys, in numeric order. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}

/**
 * The keys in the order an object built from them in that order lists them (array indices first, in
 * numeric order): the order the document was written in when it was copied key by key before writing.
 */
function asObjectLists(keys: string[]): string[] {
  if (!keys.some(isArrayIndex)) return keys;
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return indices.concat(keys.filter((k) => !isArrayIndex(k)));
}

function rankIn(ranks: ReadonlyMap<string, number> | undefined, key: string): number {
  return ranks?.get(key) ?? (key.startsWith("x-") ? 10_000 : 5_000);
}

/**
 * OpenAPI's key order, given to the YAML writer as it writes (rather than copying the document into
 * objects built in that order first: the copy cost as much as writing, and kept a second document alive).
 */
const OPENAPI_ORDER: KeyOrder<Place> = {
  root: place("document"),
  keys(map, { role }) {
    const keys = Object.keys(map);
    // Data (examples, enums, defaults) is written as given.
    if (role === "data") return keys;
    if (role === "nameMap") return asObjectLists(keys.sort(compare));
    const ranks = RANKS[role];
    return asObjectLists(keys.sort((a, b) => rankIn(ranks, a) - rankIn(ranks, b) || compare(a, b)));
  },
  child({ role, values }, key) {
    if (role === "nameMap") return place(values);
    const role2 = childRole(role, key);
    return role2 === "nameMap" ? nameMapOf(NAME_MAPS[key] ?? "other") : place(role2);
  },
  // A list's items keep its role; the items of a list where a map of names belongs map to "other" values.
  item: (at) => (at.role === "nameMap" ? nameMapOf("other") : at),
};

/**
 * The spec as YAML: the `yaml` library's output with no folding, and strings a YAML 1.1 reader would take
 * for something else (timestamps, yes/no) quoted, so every consumer of the spec reads the same values.
 */
export function toDeterministicYaml(document: Record<string, unknown>): string {
  return blockYaml(document, OPENAPI_ORDER);
}
