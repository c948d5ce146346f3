// The spec's types. src/openapi.ts has the shape openapi-typescript 7 gives (paths, webhooks, components,
// $defs, operations; the same types, checked against it in test/generate/schema-types/) but is written by
// our own emitter in templates/schema-types/: openapi-typescript alone took longer on Stripe's spec than
// the whole package may. The emitter writes formatted text directly, so the file skips prettier, and
// every spec string reaches it escaped. src/schema.ts re-exports it with a short alias per named schema.
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";
import { emitOpenApiTypes } from "./schema-types/emit.ts";
import { typeAliasFile } from "./type-aliases.ts";

/** The text of src/openapi.ts: the types of the spec the model was built from. */
export function renderOpenApiTypes(model: CodegenModel): string {
  return emitOpenApiTypes(model.document);
}

/** src/schema.ts: openapi-typescript's declarations re-exported, and a short alias per named schema. */
export function renderSchemaAliases(model: CodegenModel): string {
  return typeAliasFile(
    [{ names: ["components"], from: "./openapi.js" }],
    model.schemas.map((s) => ({ name: s.typeName, type: `components["schemas"][${JSON.stringify(s.key)}]` })),
    [{ names: ["paths", "components", "operations"], from: "./openapi.js" }],
  );
}
