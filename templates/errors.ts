// src/errors.ts: the package's own error class (`StripeError`), for a spec that documents error bodies.
// `err instanceof StripeError` holds for an error response the spec documents (the runtime marks each as
// it throws it) and types `body` as the union of the spec's error bodies, so `err.body.error.message`
// compiles where the spec says so. Every spec string reaches the code through JSON.stringify.
import type { CodegenModel } from "../scripts/generate/model/codegen-model.ts";
import { codeFile, StructureKind, type CodeFile } from "./code-file.ts";
import { docText } from "./js-doc.ts";
import { importOf, responseBody } from "./operations.ts";
import { PartTypes } from "./part-types.ts";

/**
 * The type of each documented error body, once each: a component schema by its name (Stripe's every
 * operation documents `error`), any other body as its operation's responses type says.
 */
function errorBodyTypes(model: CodegenModel, types: PartTypes): string[] {
  const schemaNames = new Map(model.schemas.map((s) => [s.key, s.typeName]));
  const bodies = new Set<string>();
  for (const op of model.operations) {
    for (const status of op.errorStatuses) {
      const response = op.responses.find((r) => r.status === status);
      if (response?.mediaType === undefined) continue;
      const schemaName = response.schemaKey !== undefined ? schemaNames.get(response.schemaKey) : undefined;
      bodies.add(
        response.kind === "json" && schemaName !== undefined
          ? types.schema(schemaName)
          : responseBody(op, status, types),
      );
    }
  }
  return [...bodies].sort();
}

export function renderErrors(model: CodegenModel): CodeFile[] {
  const errorClass = model.errorClass;
  if (errorClass === undefined) return [];
  const types = new PartTypes(model);
  const bodies = errorBodyTypes(model, types);
  return [
    codeFile("src/errors.ts", [
      ...types.imports("./"),
      ...importOf("./runtime/errors.js", ["DocumentedAPIError"]),
      {
        kind: StructureKind.TypeAlias,
        name: errorClass.bodyType,
        isExported: true,
        type: bodies.join(" | "),
        docs: [docText(`Every error body the spec documents, across its operations.`)],
      },
      {
        kind: StructureKind.Class,
        name: errorClass.className,
        isExported: true,
        isAbstract: true,
        extends: `DocumentedAPIError<${errorClass.bodyType}>`,
        docs: [
          docText(
            `An error response the spec documents, with a body, from any operation of this API: \`err instanceof ${errorClass.className}\` narrows a caught error to it, its \`body\` typed as ${errorClass.bodyType}. It is also an APIError and its status class (BadRequestError...). Per operation, the \`is...Error\` guards type the body by status.`,
          ),
        ],
      },
    ]),
  ];
}
