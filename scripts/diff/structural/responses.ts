// Responses of an operation, matched by status ("2xx" and "2XX" are one): statuses added and removed,
// response headers by name regardless of case, and the content of each status both sides document.
import { child, isObject } from "../../spec/pointer.ts";
import type { OperationContext } from "./context.ts";
import { record } from "./context.ts";
import { compareContent } from "./content.ts";
import { parameterSchema } from "./parameters.ts";
import type { Located, Side } from "./side.ts";

export function isSuccess(status: string): boolean {
  return /^2/.test(status);
}

function statuses(op: Located): Map<string, { status: string; raw: unknown; pointer: string }> {
  const out = new Map<string, { status: string; raw: unknown; pointer: string }>();
  const responses = op.node.responses;
  if (!isObject(responses)) return out;
  for (const status of Object.keys(responses)) {
    if (status.startsWith("x-")) continue;
    out.set(status.toUpperCase(), {
      status,
      raw: responses[status],
      pointer: child(child(op.pointer, "responses"), status),
    });
  }
  return out;
}

function headers(side: Side, response: Located): Map<string, Located & { name: string }> {
  const out = new Map<string, Located & { name: string }>();
  const map = response.node.headers;
  if (!isObject(map)) return out;
  for (const name of Object.keys(map)) {
    // The spec says a Content-Type response header is ignored: content says it.
    if (name.toLowerCase() === "content-type") continue;
    const found = side.resolve(map[name], child(child(response.pointer, "headers"), name));
    if (found) out.set(name.toLowerCase(), { ...found, name });
  }
  return out;
}

export function compareResponses(ctx: OperationContext, opA: Located, opB: Located): void {
  const sa = statuses(opA);
  const sb = statuses(opB);
  for (const [key, a] of sa) {
    const b = sb.get(key);
    if (!b) {
      record(
        ctx,
        a.pointer,
        { kind: "response-removed", status: a.status, success: isSuccess(key) },
        "response",
      );
      continue;
    }
    const ra = ctx.a.resolve(a.raw, a.pointer);
    const rb = ctx.b.resolve(b.raw, b.pointer);
    if (ra && rb) compareResponse(ctx, ra, rb, b.status);
  }
  for (const [key, b] of sb) {
    if (!sa.has(key))
      record(
        ctx,
        b.pointer,
        { kind: "response-added", status: b.status, success: isSuccess(key) },
        "response",
      );
  }
}

function compareResponse(ctx: OperationContext, a: Located, b: Located, status: string): void {
  const ha = headers(ctx.a, a);
  const hb = headers(ctx.b, b);
  for (const [key, header] of ha) {
    const other = hb.get(key);
    if (!other) {
      record(
        ctx,
        header.pointer,
        {
          kind: "response-header-removed",
          status,
          name: header.name,
          required: header.node.required === true,
        },
        "response",
      );
      continue;
    }
    ctx.schemas.compare(parameterSchema(header), parameterSchema(other), {
      direction: "response",
      node: ctx.node,
    });
  }
  for (const [key, header] of hb) {
    if (!ha.has(key))
      record(ctx, header.pointer, { kind: "response-header-added", status, name: header.name }, "response");
  }
  compareContent(ctx, a, b, "response", { status, success: isSuccess(status) });
}
