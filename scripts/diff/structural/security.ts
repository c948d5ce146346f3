// Security of an operation: its requirements (its own, or the document's), each alternative written as
// "scheme" or "scheme [scope, scope]", and the definitions of the schemes it uses. A scheme definition that
// changed (another header name, another token URL) is found once, in its own graph node, for every
// operation that uses it.
import { child, escapeSegment, isObject } from "../../spec/pointer.ts";
import type { OperationContext } from "./context.ts";
import { record } from "./context.ts";
import type { Located, Side } from "./side.ts";

/** The requirement alternatives in force; "none" is the empty requirement `{}` (anonymous access). */
export function requirements(side: Side, op: Located): { alternatives: string[]; pointer: string } {
  const own = Object.hasOwn(op.node, "security");
  const list = own ? op.node.security : side.doc.security;
  const alternatives = (Array.isArray(list) ? list : []).filter(isObject).map((req) => {
    const schemes = Object.keys(req).sort();
    if (schemes.length === 0) return "none";
    return schemes
      .map((s) => {
        const scopes = Array.isArray(req[s]) ? (req[s] as unknown[]).map(String).sort() : [];
        return scopes.length > 0 ? `${s} [${scopes.join(", ")}]` : s;
      })
      .join(" + ");
  });
  return {
    alternatives: [...new Set(alternatives)].sort(),
    pointer: own ? child(op.pointer, "security") : "/security",
  };
}

function schemeNames(alternatives: string[]): string[] {
  return [
    ...new Set(
      alternatives.flatMap((a) =>
        a === "none" ? [] : a.split(" + ").map((s) => s.split(" [")[0] as string),
      ),
    ),
  ];
}

/** A scheme definition as text: what a client must do to satisfy it. */
function describeScheme(node: Record<string, unknown>): string {
  const parts = [String(node.type)];
  for (const key of ["scheme", "bearerFormat", "in", "name", "openIdConnectUrl"]) {
    if (typeof node[key] === "string") parts.push(`${key}=${node[key] as string}`);
  }
  if (isObject(node.flows)) {
    for (const flow of Object.keys(node.flows).sort()) {
      const f = node.flows[flow];
      if (!isObject(f)) continue;
      const urls = ["authorizationUrl", "tokenUrl"]
        .filter((k) => typeof f[k] === "string")
        .map((k) => `${k}=${f[k] as string}`);
      parts.push(`${flow}${urls.length > 0 ? `(${urls.join(", ")})` : ""}`);
    }
  }
  return parts.join(", ");
}

function schemeOf(side: Side, name: string): Located | undefined {
  const schemes = isObject(side.doc.components) ? side.doc.components.securitySchemes : undefined;
  if (!isObject(schemes) || !Object.hasOwn(schemes, name)) return undefined;
  return side.resolve(schemes[name], `/components/securitySchemes/${escapeSegment(name)}`);
}

export function compareSecurity(ctx: OperationContext, opA: Located, opB: Located): void {
  const before = requirements(ctx.a, opA);
  const after = requirements(ctx.b, opB);
  if (before.alternatives.join("\n") !== after.alternatives.join("\n"))
    record(ctx, after.pointer, {
      kind: "security-changed",
      before: before.alternatives,
      after: after.alternatives,
    });
  for (const name of schemeNames(after.alternatives)) {
    const key = `security scheme ${name}`;
    ctx.node.children.add(key);
    if (ctx.graph.has(key)) continue;
    const node = ctx.graph.node(key);
    const a = schemeOf(ctx.a, name);
    const b = schemeOf(ctx.b, name);
    if (!a || !b) continue;
    const da = describeScheme(a.node);
    const db = describeScheme(b.node);
    if (da !== db)
      ctx.graph.record(node, {
        kind: "security-scheme-changed",
        scheme: name,
        before: da,
        after: db,
        pointer: b.pointer,
      });
  }
}
