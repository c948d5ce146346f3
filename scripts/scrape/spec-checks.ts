// What the OpenAPI schema cannot check, checked before a scraped spec is written: a path names each
// parameter once, its template and its path parameters agree, operationIds are unique, no OpenAPI 3.0
// keyword is left in the 3.1 document, every keyword of a JSON Schema block reached the spec, and enum
// values are of their declared type. A failed check is a bug in the scraper, never a file to write.
import type { PageFragment } from "./fragment.ts";
import type { MergeResult } from "./merge/merge.ts";
import { enumValuesOffType } from "./merge/enum-types.ts";
import { getOwn } from "../lib/own.ts";
import { pathParamNames } from "../lib/route.ts";
import { isObject, type Obj } from "../spec/pointer.ts";
import { walkDocument } from "../spec/walk.ts";

export interface CheckProblem {
  /** The check that failed, as the error names it. */
  check: string;
  /** What is wrong, and where in the spec. */
  detail: string;
  /** The pages behind the failing part of the spec. */
  pages: string[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const KEYWORDS_30 = ["nullable", "x-nullable", "example"];
/** Bounds that are numbers in 3.1 and were booleans in 3.0. */
const BOOLEAN_BOUNDS_30 = ["exclusiveMinimum", "exclusiveMaximum"];

/** The pages behind the operation at /paths/<path>/<method>, or behind a component, for messages. */
function pagesFor(merge: MergeResult, path: string, method?: string): string[] {
  const subject = method ? `${method.toUpperCase()} ${path}` : undefined;
  const sources = subject
    ? (merge.operations.find((o) => o.subject === subject)?.sources ?? [])
    : merge.log.provenance.filter((p) => p.owner === path).flatMap((p) => [p.source, ...p.also]);
  return [...new Set(sources.map((s) => s.file))].sort();
}

function operationsOf(document: Obj): { path: string; method: string; item: Obj; op: Obj }[] {
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.keys(paths).flatMap((path) => {
    const item = getOwn(paths, path);
    if (!isObject(item)) return [];
    return METHODS.flatMap((method) => {
      const op = getOwn(item, method);
      return isObject(op) ? [{ path, method, item, op }] : [];
    });
  });
}

function declaredPathParams(item: Obj, op: Obj): string[] {
  const all = [
    ...(Array.isArray(item.parameters) ? item.parameters : []),
    ...(Array.isArray(op.parameters) ? op.parameters : []),
  ];
  return all.filter((p): p is Obj => isObject(p) && p.in === "path").map((p) => String(p.name));
}

function checkPaths(document: Obj, merge: MergeResult, problems: CheckProblem[]): void {
  const ids = new Map<string, string[]>();
  for (const { path, method, item, op } of operationsOf(document)) {
    const where = `${method.toUpperCase()} ${path}`;
    // Looked up only for a problem: a lookup per operation would make a whole site quadratic.
    const pages = (): string[] => pagesFor(merge, path, method);
    const names = pathParamNames(path);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length > 0) {
      problems.push({
        check: "unique template names in a path",
        detail: `${where} repeats ${repeated.map((n) => `{${n}}`).join(", ")}`,
        pages: pages(),
      });
    }
    const declared = declaredPathParams(item, op);
    const undeclared = names.filter((n) => !declared.includes(n));
    if (undeclared.length > 0) {
      problems.push({
        check: "every template variable declared as a path parameter",
        detail: `${where} does not declare ${undeclared.join(", ")}`,
        pages: pages(),
      });
    }
    const stray = declared.filter((n) => !names.includes(n));
    if (stray.length > 0) {
      problems.push({
        check: "no stray path parameters",
        detail: `${where} declares ${stray.join(", ")}, which its path does not have`,
        pages: pages(),
      });
    }
    if (typeof op.operationId === "string")
      ids.set(op.operationId, [...(ids.get(op.operationId) ?? []), where]);
  }
  for (const [id, where] of ids) {
    if (where.length > 1) {
      const pages = where.flatMap((w) => {
        const [method = "", path = ""] = w.split(" ");
        return pagesFor(merge, path, method.toLowerCase());
      });
      problems.push({
        check: "unique operationIds",
        detail: `"${id}" names ${where.join(" and ")}`,
        pages: [...new Set(pages)].sort(),
      });
    }
  }
}

/** The pages behind the spec part at a JSON pointer ("/paths/~1v1~1items/post/...", "/components/schemas/X"). */
function pagesAtPointer(pointer: string, merge: MergeResult): string[] {
  const parts = pointer.split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (parts[1] === "paths" && parts[2] && parts[3]) return pagesFor(merge, parts[2], parts[3]);
  if (parts[1] === "components" && parts[2] === "schemas" && parts[3]) {
    return pagesFor(merge, `components.schemas.${parts[3]}`);
  }
  return [];
}

function checkSchemas(document: Obj, merge: MergeResult, problems: CheckProblem[]): void {
  walkDocument(document, {
    enter(node, kind, pointer) {
      if (kind !== "schema") return;
      const left = keywords30(node);
      if (left !== undefined) {
        problems.push({
          check: "no OpenAPI 3.0-only keywords in the 3.1 document",
          detail: `${pointer} has ${left.join(", ")}`,
          pages: pagesAtPointer(pointer, merge),
        });
      }
      const offType = enumValuesOffType(node);
      if (offType.length > 0) {
        problems.push({
          check: "enum values of the declared type",
          detail: `${pointer}: ${offType.map((v) => JSON.stringify(v)).join(", ")} not of type ${JSON.stringify(node.type)}`,
          pages: pagesAtPointer(pointer, merge),
        });
      }
    },
  });
}

/**
 * The OpenAPI 3.0-only keywords a schema still has, or undefined for none (nearly every schema). Looks the
 * keys up without building lists: two filtered lists and their spread for each of the ~10^5 schemas of a
 * whole site was garbage for the collector to sweep, for lists that were almost always empty.
 */
function keywords30(node: Obj): string[] | undefined {
  let left: string[] | undefined;
  for (const k of KEYWORDS_30) if (Object.hasOwn(node, k)) (left ??= []).push(k);
  for (const k of BOOLEAN_BOUNDS_30) if (typeof node[k] === "boolean") (left ??= []).push(k);
  return left;
}

/** The node of a merged object schema at a property path, through the one object branch of an anyOf. */
function nodeAt(schema: unknown, path: string[]): Obj | undefined {
  let node = isObject(schema) ? schema : undefined;
  for (const name of path) {
    if (!node) return undefined;
    const branches = (node.anyOf ?? node.oneOf) as unknown;
    const holder =
      isObject(node.properties) || !Array.isArray(branches)
        ? node
        : branches.find((b): b is Obj => isObject(b) && isObject(b.properties));
    const child = holder && isObject(holder.properties) ? getOwn(holder.properties, name) : undefined;
    node = isObject(child) ? child : undefined;
  }
  return node;
}

/** Every keyword a JSON Schema block states of a request body or parameter is in the spec. */
function checkBlockKeywords(
  document: Obj,
  pages: PageFragment[],
  merge: MergeResult,
  problems: CheckProblem[],
): void {
  const paths = isObject(document.paths) ? document.paths : {};
  for (const page of pages) {
    for (const fragment of page.operations) {
      const method = fragment.method?.value;
      const path = fragment.path?.value;
      if (!method || !path) continue;
      const op = getOwn(getOwn(paths, path), method);
      if (!isObject(op)) continue;
      const content =
        isObject(op.requestBody) && isObject(op.requestBody.content) ? op.requestBody.content : {};
      const bodySchema = Object.values(content).find(isObject)?.schema;
      const where = `${method.toUpperCase()} ${path}`;
      const missing: string[] = [];
      for (const field of fragment.requestBody?.fields ?? []) {
        if (field.strength !== "schema") continue;
        const node = nodeAt(bodySchema, field.path);
        for (const keyword of Object.keys(field.schema ?? {})) {
          if (!node || !Object.hasOwn(node, keyword))
            missing.push(`body ${field.path.join(".") || "(root)"} ${keyword}`);
        }
      }
      const params = Array.isArray(op.parameters) ? op.parameters.filter(isObject) : [];
      for (const field of fragment.parameters) {
        if (field.strength !== "schema") continue;
        const param = params.find((p) => p.in === field.in && p.name === field.path[0]);
        for (const keyword of Object.keys(field.schema ?? {})) {
          if (!param || !isObject(param.schema) || !Object.hasOwn(param.schema, keyword))
            missing.push(`${field.in} ${field.path[0]} ${keyword}`);
        }
      }
      if (missing.length > 0) {
        problems.push({
          check: "every JSON Schema keyword of a schema block kept",
          detail: `${where}: ${missing.join(", ")}`,
          pages: [page.file, ...pagesFor(merge, path, method)].filter((f, i, a) => a.indexOf(f) === i),
        });
      }
    }
  }
}

/** Runs every check; an empty list means the spec may be written. */
export function checkSpec(
  document: Record<string, unknown>,
  pages: PageFragment[],
  merge: MergeResult,
): CheckProblem[] {
  const problems: CheckProblem[] = [];
  checkPaths(document, merge, problems);
  checkSchemas(document, merge, problems);
  checkBlockKeywords(document, pages, merge, problems);
  return problems;
}
