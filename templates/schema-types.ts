// The spec's types. src/openapi.ts has the shape openapi-typescript 7 gives (paths, webhooks, components,
// $defs, operations; the same types, checked against it in test/generate/schema-types/) but is written by
// our own emitter in templates/schema-types/: openapi-typescript alone took longer on Stripe's spec than
// the whole package may. The emitter writes formatted text directly, so the file skips prettier, and
// every spec string reaches it escaped. src/schema.ts declares each component schema under its own name;
// openapi.ts points at those declarations, and the rest of the package names schemas through schema.ts
// only (see schema-types/file-refs.ts for why).
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";
import { SpecTypes } from "./schema-types/spec-types.ts";

/** Built once per model: every template that writes a spec type reads the same. */
const built = new WeakMap<CodegenModel, SpecTypes>();

export function specTypes(model: CodegenModel): SpecTypes {
  let types = built.get(model);
  if (types === undefined) {
    types = new SpecTypes(model.document, model.schemas);
    built.set(model, types);
  }
  return types;
}

/** The text of src/openapi.ts: the types of the spec the model was built from, in openapi-typescript's shape. */
export function renderOpenApiTypes(model: CodegenModel): string {
  return specTypes(model).typeFiles().openapi;
}

/** src/schema.ts: each component schema's type, declared under its name. */
export function renderSchemaTypes(model: CodegenModel): string {
  return specTypes(model).typeFiles().schema;
}
