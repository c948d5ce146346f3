// The spec's types. src/openapi.ts has the shape openapi-typescript 7 gives (paths, webhooks, components,
// $defs, operations; the same types, checked against it in test/generate/schema-types/) but is written by
// our own emitter in templates/schema-types/: openapi-typescript alone took longer on Stripe's spec than
// the whole package may. The emitter writes formatted text directly, so the file skips prettier, and
// every spec string reaches it escaped. src/schema.ts re-exports it with a short alias per named schema.
import type { Project } from "ts-morph";
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";
import { emitOpenApiTypes } from "./schema-types/emit.ts";

/** The text of src/openapi.ts. Async for its callers, which start it beside the other templates. */
export async function renderOpenApiTypes(document: Record<string, unknown>): Promise<string> {
  return emitOpenApiTypes(document);
}

export function renderSchemaAliases(model: CodegenModel, project: Project): void {
  const file = project.createSourceFile("src/schema.ts", "", { overwrite: true });
  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "./openapi.js",
    namedImports: ["components"],
  });
  file.addExportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: "./openapi.js",
    namedExports: ["paths", "components", "operations"],
  });
  file.addTypeAliases(
    model.schemas.map((s) => ({
      name: s.typeName,
      isExported: true,
      type: `components["schemas"][${JSON.stringify(s.key)}]`,
    })),
  );
}
