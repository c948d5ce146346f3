// The spec's types. src/openapi.ts is openapi-typescript's output as its printer writes it (paths,
// operations, components): built with the TypeScript factory, so every spec string is escaped by the
// compiler's own printer, and already formatted, so it skips prettier (on Stripe's spec that is most of
// the formatting time). src/schema.ts re-exports it with a short alias per named schema.
import openapiTS, { astToString } from "openapi-typescript";
import type { Project } from "ts-morph";
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";

/** The text of src/openapi.ts. */
export async function renderOpenApiTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as never, {
    silent: true,
    alphabetize: true,
    emptyObjectsUnknown: true,
  });
  return astToString(ast);
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
