// Deterministic YAML for specs: keys in the order OpenAPI readers expect (openapi, info, servers...,
// then schema keywords in a fixed order), maps of names (paths, properties, schemas) sorted, so the same
// inputs give the same bytes and diffs in pull requests show only real changes.
import { stringify } from "yaml";

const ORDER = [
  // document
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "security",
  "tags",
  "paths",
  "webhooks",
  "components",
  // info
  "title",
  "summary",
  "version",
  "license",
  "contact",
  "termsOfService",
  // path item
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
  // operation and parameter
  "operationId",
  "x-renderer-operation-id",
  "name",
  "in",
  "description",
  "required",
  "deprecated",
  "style",
  "explode",
  "parameters",
  "requestBody",
  "responses",
  // schema
  "$ref",
  "type",
  "format",
  "const",
  "enum",
  "default",
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
  "properties",
  "additionalProperties",
  "anyOf",
  "oneOf",
  "allOf",
  "not",
  "nullable",
  // media, response, security scheme
  "schema",
  "example",
  "examples",
  "encoding",
  "content",
  "headers",
  "scheme",
  "bearerFormat",
  "url",
  "schemas",
  "securitySchemes",
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

/** Maps keyed by names rather than keywords: their keys sort alphabetically. */
const NAME_MAPS = new Set([
  "properties",
  "schemas",
  "securitySchemes",
  "encoding",
  "$defs",
  "patternProperties",
]);

function orderKeys(value: unknown, parentKey: string | undefined, inExample: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => orderKeys(v, undefined, inExample));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (inExample) {
    // Examples are data: keep their keys in the order the page gave them.
    return Object.fromEntries(entries.map(([k, v]) => [k, orderKeys(v, k, true)]));
  }
  let sorted: [string, unknown][];
  if (parentKey === "paths") sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  else if (parentKey && (NAME_MAPS.has(parentKey) || parentKey === "responses" || parentKey === "content")) {
    sorted = entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  } else {
    sorted = entries.sort(([a], [b]) => {
      const ra = RANK.get(a) ?? (a.startsWith("x-") ? 10_000 : 5_000);
      const rb = RANK.get(b) ?? (b.startsWith("x-") ? 10_000 : 5_000);
      return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
    });
  }
  return Object.fromEntries(
    sorted.map(([k, v]) => [
      k,
      orderKeys(
        v,
        k,
        inExample ||
          ((k === "example" || k === "default" || k === "const" || k === "enum") &&
            !NAME_MAPS.has(parentKey ?? "")),
      ),
    ]),
  );
}

export function toDeterministicYaml(document: Record<string, unknown>): string {
  return stringify(orderKeys(document, undefined, false), {
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}
