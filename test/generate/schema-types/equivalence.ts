// Equivalence of our src/openapi.ts (with the src/schema.ts it points into) with openapi-typescript's
// file, judged by the real TypeScript compiler:
// for each spec both are written side by side with a check.ts asserting, for every component and
// every operation's parameters / requestBody / responses, that the two types are identical (the strict
// Equal that tells apart even readonly and optional modifiers). One program compiles all specs.
// Also the parts of each operation that src/types.ts writes out, against indexed accesses into openapi.ts
// (checkParts). Shared by the tests in this folder and scripts/bench/types-equivalence.ts.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { buildModel } from "../../../scripts/generate/model/build-model.ts";
import type { CodegenModel } from "../../../scripts/generate/model/codegen-model.ts";
import { PartTypes } from "../../../templates/part-types.ts";
import { renderOpenApiTypes, renderSchemaTypes } from "../../../templates/schema-types.ts";
import { quoteString } from "../../../templates/schema-types/print-type.ts";
import { SpecTypes } from "../../../templates/schema-types/spec-types.ts";

type Obj = Record<string, unknown>;

/** The repository's specs both tests judge our types on (folder name, path from the repository root). */
export const TEST_SPECS: [string, string][] = [
  ["verifa", "specs/verifa/openapi.yaml"],
  ["stripe-identity", "specs/stripe-identity/openapi.yaml"],
  ["hostile", "test/fixtures/specs/hostile.json"],
  ["schema-zoo", "test/fixtures/specs/schema-zoo.yaml"],
  ["schema-zoo-30", "test/fixtures/specs/schema-zoo-30.yaml"],
  ["things", "test/fixtures/specs/things.json"],
  ["media", "test/fixtures/specs/media.json"],
];

export interface SpecUnderTest {
  /** A folder name for the spec's files. */
  name: string;
  /** The loaded document (loadSpec). */
  document: Obj;
}

export interface Difference {
  spec: string;
  /** What differs: `components["schemas"]["Pet"]`, `paths["/pets"]["get"]["responses"]`. */
  what: string;
  message: string;
}

export interface EquivalenceResult {
  /** Number of Equal assertions written. */
  checks: number;
  differences: Difference[];
  /** Diagnostics in our own file (it must compile on its own). */
  oursErrors: string[];
  /** Diagnostics in openapi-typescript's file (informational: its output does not always compile). */
  peerErrors: string[];
  /** Milliseconds: our emitter, openapi-typescript, and the compiler. */
  timings: { ours: number; peer: number; compile: number };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const COMPONENT_SECTIONS = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

const EQUAL =
  "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;\n";

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const index = (keys: string[]): string => keys.map((k) => `[${quoteString(k)}]`).join("");

/** The type paths to compare: [root, ...keys] and a readable label. */
function targets(document: Obj): { root: string; keys: string[] }[] {
  const out: { root: string; keys: string[] }[] = [];
  const components = isObj(document.components) ? document.components : {};
  for (const section of COMPONENT_SECTIONS) {
    const items = components[section];
    if (!isObj(items)) continue;
    for (const name of Object.keys(items)) out.push({ root: "components", keys: [section, name] });
  }
  for (const root of ["paths", "webhooks"]) {
    const items = document[root];
    if (!isObj(items)) continue;
    for (const [key, item] of Object.entries(items)) {
      if (!isObj(item)) continue;
      if ("$ref" in item) {
        out.push({ root, keys: [key] });
        continue;
      }
      out.push({ root, keys: [key, "parameters"] });
      for (const method of METHODS) {
        if (!isObj(item[method])) continue;
        for (const part of ["parameters", "requestBody", "responses"]) {
          out.push({ root, keys: [key, method, part] });
        }
      }
    }
  }
  return out;
}

function checkFile(document: Obj): { text: string; labels: Map<number, string>; count: number } {
  const lines = [
    'import type * as O from "./openapi.ts";',
    'import type * as P from "./peer.ts";',
    EQUAL.trimEnd(),
  ];
  const labels = new Map<number, string>();
  let count = 0;
  for (const { root, keys } of targets(document)) {
    const path = index(keys);
    labels.set(lines.length, `${root}${path}`);
    lines.push(`export const _${count}: Equal<O.${root}${path}, P.${root}${path}> = true;`);
    count++;
  }
  return { text: `${lines.join("\n")}\n`, labels, count };
}

function flatten(d: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, "\n");
}

/** Our files for a document as a package has them: src/openapi.ts and src/schema.ts, by file name. */
export function packageTypeFiles(document: Obj): Record<string, string> {
  const model = buildModel({ document, packageName: "t", specName: "t.json", specHash: "h" });
  const files = new SpecTypes(document, model.schemas).typeFiles();
  return { "openapi.ts": files.openapi, "schema.ts": files.schema };
}

/**
 * Writes our files, openapi-typescript's and the checks for each spec under `dir`, compiles them, and
 * sorts the diagnostics. `emit` stands in for our emitter (a test gives a wrong one, to see the check fail).
 */
export async function checkEquivalence(
  specs: SpecUnderTest[],
  dir: string,
  emit: (document: Obj) => Record<string, string> = packageTypeFiles,
): Promise<EquivalenceResult> {
  const timings = { ours: 0, peer: 0, compile: 0 };
  const roots: string[] = [];
  const labelsByFile = new Map<string, { spec: string; labels: Map<number, string> }>();
  let checks = 0;
  for (const spec of specs) {
    const folder = join(dir, spec.name);
    await mkdir(folder, { recursive: true });
    let t = performance.now();
    const ours = emit(spec.document);
    timings.ours += performance.now() - t;
    t = performance.now();
    const ast = await openapiTS(structuredClone(spec.document) as never, {
      silent: true,
      alphabetize: true,
      emptyObjectsUnknown: true,
    });
    const peer = astToString(ast);
    timings.peer += performance.now() - t;
    const check = checkFile(spec.document);
    checks += check.count;
    for (const [name, text] of Object.entries(ours)) await writeFile(join(folder, name), text);
    await writeFile(join(folder, "peer.ts"), peer);
    await writeFile(join(folder, "check.ts"), check.text);
    roots.push(join(folder, "check.ts"));
    labelsByFile.set(join(folder, "check.ts"), { spec: spec.name, labels: check.labels });
  }

  const t = performance.now();
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: [],
  });
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()];
  timings.compile = performance.now() - t;

  const differences: Difference[] = [];
  const oursErrors: string[] = [];
  const peerErrors: string[] = [];
  for (const d of diagnostics) {
    const file = d.file?.fileName ?? "";
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const checkInfo = labelsByFile.get(file);
    if (checkInfo) {
      differences.push({
        spec: checkInfo.spec,
        what: checkInfo.labels.get(line) ?? `line ${line + 1}`,
        message: flatten(d),
      });
    } else if (!file.endsWith("/peer.ts")) {
      oursErrors.push(`${file}:${line + 1}: ${flatten(d)}`);
    } else {
      peerErrors.push(`${file}:${line + 1}: ${flatten(d)}`);
    }
  }
  return { checks, differences, oursErrors, peerErrors, timings };
}

/** Each part of each operation, written out and as the indexed access into openapi.ts, with a label. */
function operationParts(m: CodegenModel): { label: string; direct: string; indexed: string }[] {
  const direct = new PartTypes(m);
  const indexed = new PartTypes(m, true);
  const out: { label: string; direct: string; indexed: string }[] = [];
  const both = (label: string, part: (t: PartTypes) => string) =>
    out.push({ label, direct: part(direct), indexed: part(indexed) });
  for (const op of m.operations) {
    const at = `${op.method} ${op.path}`;
    for (const a of op.pathArguments.filter((x) => x.declared))
      both(`${at} path ${a.name}`, (t) => t.pathParameter(op, a.name));
    for (const location of ["path", "query", "header"])
      if (op.parameters.some((p) => p.in === location))
        both(`${at} ${location}`, (t) => t.location(op, location));
    if (op.body) both(`${at} body`, (t) => t.body(op));
    for (const r of op.responses)
      if (r.mediaType !== undefined)
        both(`${at} ${r.status} ${r.mediaType}`, (t) => t.response(op, r.status, r.mediaType as string));
  }
  return out;
}

/**
 * The parts of every operation as src/types.ts and the resources write them out (part-types.ts) against
 * the indexed accesses into openapi.ts, with the strict Equal: the package's two type files and the
 * checks are written to `folder` and compiled. Returns the number of checks and each failure, labelled.
 */
export async function checkParts(
  m: CodegenModel,
  folder: string,
): Promise<{ checks: number; failed: string[] }> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "openapi.ts"), renderOpenApiTypes(m));
  await writeFile(join(folder, "schema.ts"), renderSchemaTypes(m));
  const list = operationParts(m);
  const lines = [
    'import type * as $types from "./schema.js";',
    'import type * as $openapi from "./openapi.js";',
    EQUAL.trimEnd(),
  ];
  const first = lines.length;
  list.forEach((p, i) => lines.push(`export const _${i}: Equal<${p.direct}, ${p.indexed}> = true;`));
  await writeFile(join(folder, "check.ts"), `${lines.join("\n")}\n`);
  const program = ts.createProgram([join(folder, "check.ts")], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  const failed = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const label = d.file?.fileName.endsWith("check.ts") ? list[line - first]?.label : undefined;
    return `${label ?? `${d.file?.fileName ?? ""}:${line + 1}`}: ${flatten(d)}`;
  });
  return { checks: list.length, failed };
}
