// File names for the modules generated one per resource (src/resources/) and one per operation
// (src/operations/, src/validators/): the identifier itself, so `createCustomer` is in validators/createCustomer.ts. Two
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

/** Per operation, the file name of its modules under src/operations/ and src/validators/. */
export function operationModules(model: CodegenModel): Map<OperationModel, string> {
  const files = moduleFileNames(model.operations.map((op) => op.functionName));
  return new Map(model.operations.map((op) => [op, files.get(op.functionName) ?? op.functionName]));
}

/** Per operation with validators, the file name of its module under src/validators/. */
export function validatorModules(model: CodegenModel): Map<OperationModel, string> {
  return new Map([...operationModules(model)].filter(([op]) => op.validators.length > 0));
}

/** Per resource the client holds itself, the file name of its module under src/resources/ (with the resources under it). */
export function resourceModules(model: CodegenModel): Map<ResourceModel, string> {
  const roots = model.resources.filter((r) => !r.path.includes("."));
  const files = moduleFileNames(roots.map((r) => r.property));
  return new Map(roots.map((r) => [r, files.get(r.property) ?? r.property]));
}
