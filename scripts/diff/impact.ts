// What a spec change does to the generated TypeScript package: the codegen model of each side is built
// exactly as `specsmith generate` builds it, and their exported names and call signatures are compared.
// An operationId, schema-key or title change renames exports, which breaks compiled callers even where
// the HTTP contract holds; the HTTP diff cannot see that, this can. (Tags do not name anything in the
// generated package: resources come from paths, so a tag rename changes no export.)
import { escapeSegment, isObject, type Obj } from "../spec/pointer.ts";
import { buildModel } from "../generate/model/build-model.ts";
import { runtimeExports } from "../generate/model/package-model.ts";
import type { CodegenModel, OperationModel } from "../generate/model/codegen-model.ts";
import type { Change, ExportKind, Semver } from "./model.ts";
import { shapeText } from "./structural/schema-view.ts";
import { operationLabel, pathKey } from "./structural/index.ts";

export interface ImpactEntry {
  change: "added" | "removed" | "renamed" | "signature changed";
  exportKind: ExportKind;
  /** The export's name (the new one when renamed). */
  name: string;
  /** Old and new name, or old and new signature. */
  before?: string;
  after?: string;
  operation?: string;
}

export interface PackageImpact {
  entries: ImpactEntry[];
  semver: Semver;
  /** The entries that break compiled callers, as changes for the rules (generated-*). */
  changes: Change[];
}

export function modelOf(document: Obj, reserved: string[] = runtimeExports()): CodegenModel {
  return buildModel({
    document,
    packageName: "package",
    specName: "openapi.yaml",
    specHash: "",
    reservedExports: reserved,
  });
}

interface Signature {
  text: string;
  params: "none" | "optional" | "required";
  returns: "PagePromise" | "APIPromise";
  pathArguments: number;
}

/** How a caller calls an operation: positional path arguments, the params object, the return type. */
export function signatureOf(op: OperationModel): Signature {
  // The same decisions as templates/operations.ts (paramsTypeExpression, paramsRequired, returnType).
  const hasParams = op.body !== undefined || op.parameters.some((p) => p.in === "query" || p.in === "header");
  const requiredParam = op.parameters.some((p) => (p.in === "query" || p.in === "header") && p.required);
  const requiredBody = op.body
    ? op.body.required && (!op.body.isObject || op.body.hasRequiredProperties)
    : false;
  const params = !hasParams ? "none" : requiredParam || requiredBody ? "required" : "optional";
  const returns = op.pagination ? "PagePromise" : "APIPromise";
  const args = [
    "client",
    ...op.pathArguments.map((a) => a.argument),
    ...(params === "none" ? [] : [params === "required" ? "params" : "params?"]),
    "options?",
  ];
  return {
    text: `${op.functionName}(${args.join(", ")}): ${returns}`,
    params,
    returns,
    pathArguments: op.pathArguments.length,
  };
}

function operationExports(op: OperationModel): [ExportKind, string][] {
  return [
    ["function", op.functionName],
    ["operation constant", op.operationConst],
    ["params type", op.paramsType],
    ["response type", op.responseType],
    ["responses type", op.responsesType],
    ["client method", `${op.resource}.${op.methodName}`],
  ];
}

function pointerOf(op: OperationModel): string {
  return `/paths/${escapeSegment(op.path)}/${op.method}`;
}

class ImpactBuilder {
  readonly entries: ImpactEntry[] = [];
  readonly changes: Change[] = [];

  added(exportKind: ExportKind, name: string, operation?: string): void {
    this.entries.push({ change: "added", exportKind, name, ...(operation ? { operation } : {}) });
  }

  removed(exportKind: ExportKind, name: string, pointer: string, operation?: string): void {
    this.entries.push({ change: "removed", exportKind, name, ...(operation ? { operation } : {}) });
    const withOperation = operation !== undefined;
    this.changes.push({
      kind: "export-removed",
      exportKind,
      name,
      withOperation,
      pointer,
      operations: operation ? [operation] : [],
    });
  }

  renamed(
    exportKind: ExportKind,
    before: string,
    after: string,
    pointer: string,
    operation?: string,
    others = 0,
  ): void {
    this.entries.push({
      change: "renamed",
      exportKind,
      name: after,
      before,
      after,
      ...(operation ? { operation } : {}),
    });
    if (others < 0) return; // listed, but reported through the first name of its group
    this.changes.push({
      kind: "export-renamed",
      exportKind,
      before,
      after,
      others,
      pointer,
      operations: operation ? [operation] : [],
    });
  }

  signature(name: string, before: Signature, after: Signature, pointer: string, operation: string): void {
    const part = before.returns !== after.returns ? "returns" : "params";
    // Callers still compile when the params argument appears or stops being required.
    const compatible = part === "params" && after.params === "optional";
    this.entries.push({
      change: compatible ? "added" : "signature changed",
      exportKind: "function",
      name,
      before: before.text,
      after: after.text,
      operation,
    });
    if (!compatible)
      this.changes.push({
        kind: "signature-changed",
        name,
        before: before.text,
        after: after.text,
        part,
        pointer,
        operations: [operation],
      });
  }
}

function compareOperations(out: ImpactBuilder, base: CodegenModel, revision: CodegenModel): void {
  const key = (op: OperationModel) => `${op.method} ${pathKey(op.path)}`;
  const after = new Map(revision.operations.map((op) => [key(op), op]));
  const before = new Map(base.operations.map((op) => [key(op), op]));
  for (const [k, a] of before) {
    const b = after.get(k);
    if (!b) {
      // Reported with the operation's own finding (operation-removed); listed here for the package.
      for (const [kind, name] of operationExports(a))
        out.removed(kind, name, pointerOf(a), operationLabel(a.method, a.path));
      continue;
    }
    const label = operationLabel(b.method, b.path);
    const namesB = operationExports(b);
    const renamed = operationExports(a).flatMap(([kind, name], i): [ExportKind, string, string][] => {
      const now = namesB[i]?.[1] as string;
      return name === now ? [] : [[kind, name, now]];
    });
    // One finding per operation (its function, with its constant and types): one rename, not six.
    renamed.forEach(([kind, name, now], i) =>
      out.renamed(kind, name, now, pointerOf(b), label, i === 0 ? renamed.length - 1 : -1),
    );
    const sa = signatureOf(a);
    const sb = signatureOf(b);
    // Argument names are positional: only the shape matters to callers.
    if (sa.params !== sb.params || sa.returns !== sb.returns || sa.pathArguments !== sb.pathArguments)
      out.signature(b.functionName, sa, sb, pointerOf(b), label);
  }
  for (const [k, b] of after) {
    if (before.has(k)) continue;
    for (const [kind, name] of operationExports(b)) out.added(kind, name, operationLabel(b.method, b.path));
  }
}

function componentSchemas(document: Obj): Obj {
  const components = document.components;
  return isObject(components) && isObject(components.schemas) ? components.schemas : {};
}

function compareSchemas(
  out: ImpactBuilder,
  base: CodegenModel,
  revision: CodegenModel,
  baseDoc: Obj,
  revDoc: Obj,
): void {
  const before = new Map(base.schemas.map((s) => [s.key, s.typeName]));
  const after = new Map(revision.schemas.map((s) => [s.key, s.typeName]));
  const gone = [...before.keys()].filter((k) => !after.has(k));
  const come = new Set([...after.keys()].filter((k) => !before.has(k)));
  const pointer = (key: string) => `/components/schemas/${escapeSegment(key)}`;
  for (const [key, typeName] of before) {
    const now = after.get(key);
    if (now !== undefined && now !== typeName) out.renamed("schema type", typeName, now, pointer(key));
  }
  // A component under a new key with the same content was renamed, not removed and added.
  const textsB = new Map([...come].map((k) => [k, shapeText(componentSchemas(revDoc)[k])]));
  for (const key of gone) {
    const text = shapeText(componentSchemas(baseDoc)[key]);
    const match = [...come].find((k) => textsB.get(k) === text);
    if (match !== undefined) {
      come.delete(match);
      out.renamed("schema type", before.get(key) as string, after.get(match) as string, pointer(match));
    } else out.removed("schema type", before.get(key) as string, pointer(key));
  }
  for (const key of come) out.added("schema type", after.get(key) as string);
}

function compareClient(out: ImpactBuilder, base: CodegenModel, revision: CodegenModel): void {
  if (base.clientClassName !== revision.clientClassName) {
    out.renamed("client class", base.clientClassName, revision.clientClassName, "/info/title");
    out.renamed(
      "client class",
      `${base.clientClassName}Options`,
      `${revision.clientClassName}Options`,
      "/info/title",
    );
  }
  const resources = new Map(revision.resources.map((r) => [r.path, r]));
  for (const r of base.resources) {
    const now = resources.get(r.path);
    const first = r.operations[0];
    // A resource goes when its last operation goes: reported with that operation.
    if (!now && first)
      out.removed("resource class", r.className, "/paths", operationLabel(first.method, first.path));
    else if (now && now.className !== r.className)
      out.renamed("resource class", r.className, now.className, "/paths");
  }
  const hadResource = new Set(base.resources.map((r) => r.path));
  for (const r of revision.resources) if (!hadResource.has(r.path)) out.added("resource class", r.className);
  const options = new Map(revision.securitySchemes.map((s) => [s.key, s.option]));
  for (const s of base.securitySchemes) {
    const pointer = `/components/securitySchemes/${escapeSegment(s.key)}`;
    const now = options.get(s.key);
    if (now === undefined) out.removed("client option", s.option, pointer);
    else if (now !== s.option) out.renamed("client option", s.option, now, pointer);
  }
  const had = new Set(base.securitySchemes.map((s) => s.key));
  for (const s of revision.securitySchemes) if (!had.has(s.key)) out.added("client option", s.option);
}

export function packageImpact(baseDoc: Obj, revisionDoc: Obj): PackageImpact {
  const reserved = runtimeExports();
  const base = modelOf(baseDoc, reserved);
  const revision = modelOf(revisionDoc, reserved);
  const out = new ImpactBuilder();
  compareOperations(out, base, revision);
  compareSchemas(out, base, revision, baseDoc, revisionDoc);
  compareClient(out, base, revision);
  const breaks = out.entries.some((e) => e.change !== "added");
  const semver: Semver = breaks ? "major" : out.entries.length > 0 ? "minor" : "none";
  return { entries: out.entries, semver, changes: out.changes };
}
