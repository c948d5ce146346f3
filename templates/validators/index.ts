// The request-validator compiler: JSON Schema 2020-12 (as OpenAPI 3.1 uses it) -> one dependency-free
// TypeScript module exporting one validator per entry. The module imports only the package's runtime
// helpers (templates/runtime/validation.ts). Each referenced schema becomes one function shared by every
// entry that reaches it; the exported validators run it once, collecting errors (JSON Pointer, keyword,
// message, wire name for form bodies) as they go: nothing is allocated for them on a valid value.
import { Compiler, type CompilerFlags, type Warning } from "./compiler.ts";
import { isSchema, isSchemaObject, ownValue } from "./keywords.ts";
import { docText } from "../js-doc.ts";
import { lines } from "./lines.ts";
import { isSafeIdentifier, lit } from "./literal.ts";
import { SchemaRegistry, type RemoteResolver } from "./registry.ts";

export type { Warning } from "./compiler.ts";

export interface ValidatorEntry {
  /** The exported function's name: a plain identifier chosen by the caller ("validateCreateSessionBody"). */
  name: string;
  /** The schema: an inline schema object from the document, or `{ $ref: "#/components/schemas/X" }`. */
  schema: unknown;
  /** A form-encoded body: errors also carry the wire name ("options[document][allowed_types][1]"). */
  form?: boolean;
  /** Where the schema is in the document, for warnings ("/paths/~1v1~1customers/post/requestBody/..."). */
  pointer?: string;
  /** The exported function's doc comment, one line of plain text (escaped here). */
  doc?: string;
  /** A TypeScript type for the validated value (`ValidationResult<T>`); `unknown` by default. */
  valueType?: string;
  /**
   * A JSON Schema document of the entry's own (the entry's `schema` is in it, usually its root), with its
   * URI: several schema documents in one module (the conformance suite). Their `$id`s must not collide.
   */
  document?: { value: unknown; uri: string };
}

export interface CompileInput {
  /** The document `#/...` refs point into: an OpenAPI 3.1 document, or a JSON Schema document. */
  document: unknown;
  /** The document's URI (base for relative refs); a fixed URN by default. */
  documentUri?: string;
  entries: ValidatorEntry[];
  /** Check formats date-time, date, email, uri, uuid (others are annotations). */
  assertFormats: boolean;
  /** Loads other documents by absolute URI (no fragment), for remote refs; undefined when unknown. */
  remotes?: RemoteResolver;
  /** The import path of the runtime helpers, from the generated module. */
  runtimeImport?: string;
  /** A comment block put first in the module (the generated-file header). */
  header?: string;
  /**
   * What the values are: request values need no readOnly property, response values no writeOnly one,
   * even where `required` lists it (as OpenAPI says). Plain JSON Schema when not given.
   */
  direction?: "request" | "response";
  /** Type-only imports for `valueType`s, by name or as a namespace: names must be plain identifiers. */
  typeImports?: ({ from: string; names: string[] } | { from: string; namespace: string })[];
}

export interface CompileOutput {
  /** The complete TypeScript module (strict, ESM). */
  code: string;
  warnings: Warning[];
}

export const DEFAULT_DOCUMENT_URI = "urn:specsmith:document";

/** Names the module uses for itself; an entry may not take one. */
const INTERNAL_NAME =
  /^(s\d+_?|re\d+|set\d+|value\d+|branches\d+|dynamic\d+|has|objectProto|protoOf|dynamicScope|Check)$/;
const RUNTIME_NAMES = new Set([
  "anyOfErrors",
  "oneOfErrors",
  "codePointLength",
  "invalid",
  "prefixErrors",
  "countProperties",
  "deepEqual",
  "equalsOneOf",
  "evaluateItem",
  "evaluateProp",
  "findDuplicate",
  "isDate",
  "isDateTime",
  "isEmail",
  "isItemEvaluated",
  "isMultipleOf",
  "isPropEvaluated",
  "isUri",
  "isUuid",
  "mergeEvaluated",
  "newEvaluated",
  "pointerSegment",
  "propertyNameErrors",
  "report",
  "stackOverflow",
  "startValidation",
  "valid",
  "ValidationState",
  "Evaluated",
  "ValidateOptions",
  "ValidationResult",
]);

function isOpenApiDocument(document: unknown): boolean {
  return (
    isSchemaObject(document) &&
    (typeof ownValue(document, "openapi") === "string" || isSchemaObject(ownValue(document, "paths")))
  );
}

function checkInput(input: CompileInput): void {
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (!isSafeIdentifier(entry.name) || INTERNAL_NAME.test(entry.name) || RUNTIME_NAMES.has(entry.name)) {
      throw new Error(`validator name ${JSON.stringify(entry.name)} is not a usable identifier`);
    }
    if (seen.has(entry.name)) throw new Error(`validator name ${JSON.stringify(entry.name)} is used twice`);
    seen.add(entry.name);
  }
  for (const group of input.typeImports ?? []) {
    for (const name of "names" in group ? group.names : [group.namespace]) {
      if (!isSafeIdentifier(name))
        throw new Error(`type import ${JSON.stringify(name)} is not an identifier`);
    }
  }
}

function compileOnce(
  input: CompileInput,
  flags: CompilerFlags,
): { output: CompileOutput; compiler: Compiler } {
  const documentUri = input.documentUri ?? DEFAULT_DOCUMENT_URI;
  const registry = new SchemaRegistry(input.remotes, {
    validation: true,
    formatAssertion: input.assertFormats,
  });
  if (isOpenApiDocument(input.document)) registry.addContainerDocument(input.document, documentUri);
  else registry.addSchemaDocument(input.document, documentUri, "");
  const c = new Compiler(registry, flags, input.direction);

  const exports: string[] = [];
  for (const entry of input.entries) {
    if (entry.document)
      registry.addSchemaDocument(entry.document.value, entry.document.uri, `${entry.document.uri}#`);
  }
  for (const entry of input.entries) {
    const location = entry.pointer ?? `(validator ${entry.name})`;
    const entryUri = entry.document?.uri ?? documentUri;
    let fn: string;
    if (!isSchema(entry.schema)) {
      c.warn(location, "not a schema: every value is accepted");
      fn = c.functionFor(true, registry.adopt(true, entryUri, location));
    } else {
      const info = registry.adopt(entry.schema, entryUri, location);
      const target = directTarget(registry, entry.schema, info.base) ?? { schema: entry.schema, info };
      fn = c.functionFor(target.schema, target.info);
    }
    exports.push(renderEntry(entry, fn, flags.dynamicScope));
  }
  const dynamicCode = c.finish();
  c.module.type("ValidateOptions");
  c.module.type("ValidationResult");
  for (const helper of ["startValidation", "valid", "invalid", "stackOverflow"]) c.module.helper(helper);
  const typeImports = (input.typeImports ?? []).map(
    (group) =>
      `import type ${"names" in group ? `{ ${group.names.join(", ")} }` : `* as ${group.namespace}`} from ${lit(group.from)};`,
  );
  const header = [
    input.header ?? "// Request validators generated by specsmith from JSON Schema. Do not edit.",
    "// Values are `any` inside the checks: every access is guarded by a typeof/Array.isArray test first.",
    ...typeImports,
  ].join("\n");
  const code = c.module.render(input.runtimeImport ?? "./runtime/validation.js", header, [
    ...dynamicCode,
    ...exports,
  ]);
  return { output: { code: indent(code), warnings: c.warnings }, compiler: c };
}

/** A schema that is only `{ $ref }` is checked by its target's function directly. */
function directTarget(registry: SchemaRegistry, schema: unknown, base: string) {
  if (!isSchemaObject(schema) || Object.keys(schema).length !== 1) return undefined;
  const ref = ownValue(schema, "$ref");
  if (typeof ref !== "string") return undefined;
  return registry.resolve(ref, base);
}

function renderEntry(entry: ValidatorEntry, fn: string, dynamicScope: boolean): string {
  const type = entry.valueType ?? "unknown";
  const reset = dynamicScope ? "dynamicScope.length = 0;" : "";
  return lines([
    `/** ${entry.doc === undefined ? "Checks a value against the schema" : docText(entry.doc).replace(/\s+/g, " ")}; never throws on any input. */`,
    `export function ${entry.name}(value: unknown, options?: ValidateOptions): ValidationResult<${type}> {`,
    // One pass: a valid value leaves the state empty; an invalid one is checked to the end (or the cap).
    `const st = startValidation(options, ${entry.form === true});`,
    "try {",
    `if (${fn}(value, st, null)) return valid<${type}>(st, value);`,
    "} catch (error) {",
    reset,
    "return stackOverflow(error, st);",
    "}",
    reset,
    "return invalid(st);",
    "}",
  ]);
}

/** Indents the generated code by its braces (statements are emitted flat, one per line). */
function indent(code: string): string {
  const pads = [""];
  let depth = 0;
  let out = "";
  let start = 0;
  while (start < code.length) {
    let end = code.indexOf("\n", start);
    if (end === -1) end = code.length;
    const line = code.slice(start, end);
    start = end + 1;
    if (line.charCodeAt(0) === 125 /* } */ && depth > 0) depth--;
    if (line !== "") out += (pads[depth] ??= "  ".repeat(depth)) + line;
    out += "\n";
    if (line.charCodeAt(line.length - 1) === 123 /* { */) depth++;
  }
  return out;
}

/** Compiles validators for the entries of one document into one TypeScript module. */
export function compileValidators(input: CompileInput): CompileOutput {
  checkInput(input);
  let flags: CompilerFlags = { annotations: false, dynamicScope: false };
  // Features that cost something at run time are only turned on when a schema turns out to need them.
  for (;;) {
    const { output, compiler } = compileOnce(input, flags);
    const next = {
      annotations: flags.annotations || compiler.needsAnnotations,
      dynamicScope: flags.dynamicScope || compiler.needsDynamicScope,
    };
    if (next.annotations === flags.annotations && next.dynamicScope === flags.dynamicScope) return output;
    flags = next;
  }
}
