// The structural diff: two loaded (OpenAPI 3.1) documents in, every difference out as plain facts, each
// once, with the operations it reaches. Operations are matched by method and path template ("/a/{id}"
// and "/a/{sessionId}" are one path); what the differences mean for callers is for the rules.
import { child, isObject, type Obj } from "../../spec/pointer.ts";
import type { Change } from "../model.ts";
import { compareRequestBody } from "./content.ts";
import type { OperationContext } from "./context.ts";
import { ChangeGraph } from "./graph.ts";
import { compareParameters, parametersOf } from "./parameters.ts";
import { compareResponses } from "./responses.ts";
import { SchemaDiffer } from "./schema-diff.ts";
import { compareSecurity } from "./security.ts";
import { compareServers, compareWebhooks } from "./document.ts";
import { METHODS, Side, type Located } from "./side.ts";

/** "GET /v1/sessions/{id}": how operations are named in every report. */
export function operationLabel(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** The path template with its parameter names blanked: the key that matches paths across versions. */
export function pathKey(path: string): string {
  return path.replace(/\{[^{}]*\}/g, "{}");
}

interface PathEntry {
  path: string;
  item: Located;
}

function pathIndex(side: Side): Map<string, PathEntry> {
  const out = new Map<string, PathEntry>();
  const paths = side.doc.paths;
  if (!isObject(paths)) return out;
  for (const path of Object.keys(paths).sort()) {
    const item = side.resolve(paths[path], child("/paths", path));
    if (!item) continue;
    const key = pathKey(path);
    // Two templates that differ only in parameter names are one path to a caller; the first wins.
    if (!out.has(key)) out.set(key, { path, item });
  }
  return out;
}

function operationsOf(entry: PathEntry | undefined): Map<string, Located> {
  const out = new Map<string, Located>();
  if (!entry) return out;
  for (const method of METHODS) {
    const op = entry.item.node[method];
    if (isObject(op)) out.set(method, { node: op, pointer: child(entry.item.pointer, method) });
  }
  return out;
}

export function diffDocuments(base: Obj, revision: Obj): Change[] {
  const a = new Side(base);
  const b = new Side(revision);
  const graph = new ChangeGraph();
  const schemas = new SchemaDiffer(a, b, graph);
  const pathsA = pathIndex(a);
  const pathsB = pathIndex(b);
  const keys = [...new Set([...pathsA.keys(), ...pathsB.keys()])].sort();
  for (const key of keys) {
    const pa = pathsA.get(key);
    const pb = pathsB.get(key);
    const opsA = operationsOf(pa);
    const opsB = operationsOf(pb);
    if (pa && opsA.size > 0 && opsB.size === 0) {
      // The whole path is gone: one change, not one per method.
      const labels = [...opsA.keys()].map((m) => operationLabel(m, pa.path));
      const deprecated = [...opsA.values()].every((op) => op.node.deprecated === true);
      graph.recordFor(labels, { kind: "path-removed", path: pa.path, deprecated, pointer: pa.item.pointer });
      continue;
    }
    for (const method of METHODS) {
      const opA = opsA.get(method);
      const opB = opsB.get(method);
      if (opA && !opB && pa) {
        graph.recordFor([operationLabel(method, pa.path)], {
          kind: "operation-removed",
          deprecated: opA.node.deprecated === true,
          pointer: opA.pointer,
        });
      } else if (!opA && opB && pb) {
        graph.recordFor([operationLabel(method, pb.path)], { kind: "operation-added", pointer: opB.pointer });
      } else if (opA && opB && pa && pb) {
        const label = operationLabel(method, pb.path);
        const root = `operation ${label}`;
        const ctx: OperationContext = { a, b, graph, schemas, node: graph.node(root) };
        compareOperation(ctx, [pa.path, pa.item, opA], [pb.path, pb.item, opB]);
        graph.root(root, label);
      }
    }
  }
  compareServers(a, b, graph);
  compareWebhooks(a, b, graph, schemas);
  return graph.result();
}

function compareOperation(
  ctx: OperationContext,
  [pathA, itemA, opA]: [string, Located, Located],
  [pathB, itemB, opB]: [string, Located, Located],
): void {
  if (opA.node.deprecated !== true && opB.node.deprecated === true)
    ctx.graph.record(ctx.node, { kind: "operation-deprecated", pointer: opB.pointer });
  compareParameters(ctx, parametersOf(ctx.a, pathA, itemA, opA), parametersOf(ctx.b, pathB, itemB, opB));
  compareRequestBody(ctx, opA, opB);
  compareResponses(ctx, opA, opB);
  compareSecurity(ctx, opA, opB);
}
