// File names for the modules generated one per resource (src/resources/) and one per operation
// (src/validators/): the identifier itself, so `createCustomer` is in validators/createCustomer.ts. Two
// identifiers that differ only in case would be one file on a case-insensitive file system (macOS,
// Windows): the later one takes a number.
import type { CodegenModel, OperationModel, ResourceModel } from "../scripts/generate/model/codegen-model.ts";

/** Each name's file name (without extension), in the order given; the same input gives the same names. */
export function moduleFileNames(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const files = new Map<string, string>();
  for (const name of names) {
    let file = name;
    for (let n = 2; taken.has(file.toLowerCase()); n++) file = `${name}_${n}`;
    taken.add(file.toLowerCase());
    files.set(name, file);
  }
  return files;
}

/** Per operation with validators, the file name of its module under src/validators/. */
export function validatorModules(model: CodegenModel): Map<OperationModel, string> {
  const ops = model.operations.filter((op) => op.validators.length > 0);
  const files = moduleFileNames(ops.map((op) => op.functionName));
  return new Map(ops.map((op) => [op, files.get(op.functionName) ?? op.functionName]));
}

/**
 * Per resource the client holds itself, the file name of its modules under src/resources/ and
 * src/operations/ (the resources under it are in them).
 */
export function resourceModules(model: CodegenModel): Map<ResourceModel, string> {
  const roots = model.resources.filter((r) => !r.path.includes("."));
  const files = moduleFileNames(roots.map((r) => r.property));
  return new Map(roots.map((r) => [r, files.get(r.property) ?? r.property]));
}
