// JSON Schema keywords (as OpenAPI uses them) that describe a value without constraining it. The loader's
// 3.0 upgrade keeps them outside a nullable wrapper, the diff ignores them when it compares constraints,
// and the validator compiler emits no check for them.
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "default",
  "example",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
  "externalDocs",
  "xml",
]);
