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
import { validatorModules } from "./module-names.ts";
import { PartTypes } from "./part-types.ts";

const str = (s: string): string => JSON.stringify(s);

/** The TypeScript type a valid value has: the spec's own type for that part of the request. */
function valueType(op: OperationModel, validator: ValidatorModel, types: PartTypes): string {
  return validator.part === "body" ? types.body(op) : types.location(op, validator.part);
}

function entryOf(op: OperationModel, validator: ValidatorModel, types: PartTypes): ValidatorEntry {
  const what = {
    path: "the path arguments",
    query: "the query parameters",
    header: "the header parameters",
    body: "the body",
  };
  return {
    name: validator.name,
    valueType: valueType(op, validator, types),
    doc: `Checks ${what[validator.part]} of ${op.method.toUpperCase()} ${op.path} against the spec`,
    schema: validator.schema,
    pointer: validator.pointer,
    form: validator.form,
  };
}

export interface RenderedValidators {
  /** src/validators.ts and one module per operation under src/validators/; none when nothing is checked. */
  files: { path: string; text: string }[];
  /** Spec problems the compiler met (a pattern that can backtrack catastrophically, ...), each once. */
  warnings: Warning[];
}

/**
 * One module per operation, src/validators/<operation>.ts, compiled from that operation's schemas alone,
 * exporting its validators by name and by request part; src/validators.ts re-exports them by name. The
 * operation loads its module with `import()` on its first call with validation on. Bundlers with code
 * splitting (esbuild at least) share code between chunks file by file, so a schema several operations
 * reach is compiled into each of their modules: a call then loads exactly the functions it runs, never a
 * chunk holding every schema, and nothing under `validate: false`. The price is size on disk (Stripe's
 * full spec: 2.9 MB of validator source in one module, 5.8 MB in per-operation modules), not time (the
 * compiler runs once per schema reached either way).
 */
export function renderValidators(model: CodegenModel): RenderedValidators {
  const files: { path: string; text: string }[] = [];
  const warnings = new Map<string, Warning>();
  const barrel: string[] = [];
  for (const [op, module] of validatorModules(model)) {
    // Off the package root, so named by their place in openapi.ts (see PartTypes).
    const types = new PartTypes(model, true);
    const entries = op.validators.map((v) => entryOf(op, v, types));
    const compiled = compileValidators({
      // The schemas' $refs point into the spec; the compiler resolves them there.
      document: model.document,
      entries,
      // Request values are checked the way a careful server would: formats are assertions, and a readOnly
      // property the spec lists as required is required in responses only.
      assertFormats: true,
      direction: "request",
      runtimeImport: "../runtime/validation.js",
      typeImports: types.namespaceImports("../"),
      header: `// The request validators of ${op.functionName}: each checks one part of a request against the spec and never throws.`,
    });
    for (const w of compiled.warnings) warnings.set(`${w.pointer}\n${w.message}`, w);
    const names = op.validators.map((v) => v.name);
    files.push({
      path: `src/validators/${module}.ts`,
      text: `${compiled.code}\n// By request part, as the operation loads them.\nexport { ${op.validators.map((v) => `${v.name} as ${v.part}`).join(", ")} };\n`,
    });
    barrel.push(`export { ${names.join(", ")} } from ${str(`./validators/${module}.js`)};`);
  }
  if (barrel.length === 0) return { files: [], warnings: [] };
  files.unshift({
    path: "src/validators.ts",
    text: [
      "// Request validators, by operation: each checks one part of a request against the spec and never throws.",
      ...barrel,
      "",
    ].join("\n"),
  });
  return { files, warnings: [...warnings.values()] };
}
