// src/schema.ts: the spec's types as openapi-typescript writes them (paths, operations, components),
// plus a short exported alias per named schema. openapi-typescript builds its output with the TypeScript
// factory, so every string from the spec is escaped by the compiler's own printer.
import openapiTS, { astToString } from "openapi-typescript";
import type { Project } from "ts-morph";
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";

export async function renderSchemaTypes(
  document: Record<string, unknown>,
  model: CodegenModel,
  project: Project,
): Promise<void> {
  const ast = await openapiTS(structuredClone(document) as never, { silent: true, alphabetize: true, emptyObjectsUnknown: true });
  const file = project.createSourceFile("src/schema.ts", astToString(ast), { overwrite: true });
  file.addTypeAliases(
    model.schemas.map((s) => ({
      name: s.typeName,
      isExported: true,
      type: `components["schemas"][${JSON.stringify(s.key)}]`,
    })),
  );
}
