// src/validators.ts: per operation, validators for its path arguments, its query and header parameters
// (each group as one object, as the client holds them) and its body. The client runs them before sending;
// they are exported so a server or a form can check values by the same rules. The code comes from the
// validator compiler (templates/validators/); this file only decides what to check and how it is typed.
import type {
  CodegenModel,
  OperationModel,
  ValidatorModel,
} from "../scripts/generate/model/codegen-model.ts";
import { compileValidators, type ValidatorEntry, type Warning } from "./validators/index.ts";

const str = (s: string): string => JSON.stringify(s);

/** Where the parts of an operation are in openapi-typescript's `paths` type. */
function operationType(op: OperationModel): string {
  return `paths[${str(op.path)}][${str(op.method)}]`;
}

/** The TypeScript type a valid value has: the spec's own type for that part of the request. */
function valueType(op: OperationModel, validator: ValidatorModel): string {
  const o = operationType(op);
  if (validator.part === "body") {
    return `NonNullable<${o}["requestBody"]>["content"][${str(op.body?.mediaType ?? "")}]`;
  }
  return `NonNullable<${o}["parameters"][${str(validator.part)}]>`;
}

function entryOf(op: OperationModel, validator: ValidatorModel): ValidatorEntry {
  const what = {
    path: "the path arguments",
    query: "the query parameters",
    header: "the header parameters",
    body: "the body",
  };
  return {
    name: validator.name,
    valueType: valueType(op, validator),
    doc: `Checks ${what[validator.part]} of ${op.method.toUpperCase()} ${op.path} against the spec`,
    schema: validator.schema,
    pointer: validator.pointer,
    form: validator.form,
  };
}

export interface RenderedValidators {
  /** The module's text, or undefined when no operation has anything to check. */
  code: string | undefined;
  /** Spec problems the compiler met (a pattern that can backtrack catastrophically, ...). */
  warnings: Warning[];
}

export function renderValidators(model: CodegenModel): RenderedValidators {
  const entries = model.operations.flatMap((op) => op.validators.map((v) => entryOf(op, v)));
  if (entries.length === 0) return { code: undefined, warnings: [] };
  const { code, warnings } = compileValidators({
    // The schemas' $refs point into the spec; the compiler resolves them there.
    document: model.document,
    entries,
    // Request values are checked the way a careful server would: formats are assertions, and a readOnly
    // property the spec lists as required is required in responses only.
    assertFormats: true,
    direction: "request",
    runtimeImport: "./runtime/validation.js",
    typeImports: [{ from: "./schema.js", names: ["paths"] }],
    header: "// Request validators: each checks one part of a request against the spec and never throws.",
  });
  return { code, warnings };
}
