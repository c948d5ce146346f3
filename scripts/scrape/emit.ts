// Deterministic YAML for specs: keys in the order OpenAPI readers expect (openapi, info, servers...; an
// operation's summary before its responses; a schema's type before its description), maps of names
// (paths, properties, schemas, responses) sorted, so the same inputs give the same bytes and diffs in
// pull requests show only real changes.
import { blockYaml } from "../lib/block-yaml.ts";

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
  if (NAME_MAPS[key] && !(parent === "schema" && key === "required")) {
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

function order(value: unknown, role: Role, mapRole?: Role): unknown {
  // Data (examples, enums, defaults) is written as given: no copy of it is needed.
  if (role === "data" || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => order(v, role));
  const entries = Object.entries(value as Record<string, unknown>);
  if (role === "nameMap") {
    return Object.fromEntries(
      entries.sort(([a], [b]) => compare(a, b)).map(([k, v]) => [k, order(v, mapRole ?? "other")]),
    );
  }
  const ranks = RANKS[role];
  const ranked = entries.map(([k, v]) => ({
    k,
    v,
    rank: ranks?.get(k) ?? (k.startsWith("x-") ? 10_000 : 5_000),
  }));
  ranked.sort((a, b) => a.rank - b.rank || compare(a.k, b.k));
  return Object.fromEntries(
    ranked.map(({ k, v }) => {
      const role2 = childRole(role, k);
      return [k, role2 === "nameMap" ? order(v, "nameMap", NAME_MAPS[k]) : order(v, role2)];
    }),
  );
}

/**
 * The spec as YAML: the `yaml` library's output with no folding, and strings a YAML 1.1 reader would take
 * for something else (timestamps, yes/no) quoted, so every consumer of the spec reads the same values.
 */
export function toDeterministicYaml(document: Record<string, unknown>): string {
  return blockYaml(order(document, "document"));
}
