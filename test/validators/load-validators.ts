// Compiles validators with the real compiler, writes the module beside a copy of the runtime in a temp
// folder, transpiles both with TypeScript and imports the result: tests call the generated code itself.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import {
  compileValidators,
  type CompileInput,
  type CompileOutput,
} from "../../templates/validators/index.ts";
import type { ValidateOptions, ValidationResult } from "../../templates/runtime/validation.ts";

export type Validator = (value: unknown, options?: ValidateOptions) => ValidationResult<unknown>;

const RUNTIME = join(import.meta.dirname, "..", "..", "templates", "runtime", "validation.ts");
const folders: string[] = [];
let counter = 0;

function transpile(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

export interface LoadedValidators {
  validators: Record<string, Validator>;
  output: CompileOutput;
}

export async function loadValidators(input: CompileInput): Promise<LoadedValidators> {
  const output = compileValidators(input);
  const dir = mkdtempSync(join(tmpdir(), "specsmith-validators-"));
  folders.push(dir);
  mkdirSync(join(dir, "runtime"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  writeFileSync(join(dir, "runtime", "validation.js"), transpile(readFileSync(RUNTIME, "utf8")));
  const file = join(dir, `validators${counter++}.js`);
  writeFileSync(file, transpile(output.code));
  const validators = (await import(pathToFileURL(file).href)) as Record<string, Validator>;
  return { validators, output };
}

/** One validator for one schema (the schema is its own document). */
export async function validatorFor(
  schema: unknown,
  options: { form?: boolean; assertFormats?: boolean; document?: unknown } = {},
): Promise<Validator> {
  const { validators } = await loadValidators({
    document: options.document ?? schema,
    assertFormats: options.assertFormats ?? true,
    entries: [{ name: "validate", schema, form: options.form ?? false }],
  });
  return validators.validate as Validator;
}

export function removeTempFolders(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
