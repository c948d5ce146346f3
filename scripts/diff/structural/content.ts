// Request bodies and the content of responses: media types matched without their parameters and case
// ("application/json; charset=utf-8" is application/json), and the schema of each shared one compared.
import { child, isObject } from "../../spec/pointer.ts";
import type { Direction } from "../model.ts";
import type { OperationContext } from "./context.ts";
import { record } from "./context.ts";
import type { Located } from "./side.ts";

function mediaKey(mediaType: string): string {
  return mediaType.split(";")[0]?.trim().toLowerCase() ?? mediaType;
}

function mediaTypes(owner: Located): Map<string, { name: string; entry: unknown; pointer: string }> {
  const out = new Map<string, { name: string; entry: unknown; pointer: string }>();
  const content = owner.node.content;
  if (!isObject(content)) return out;
  for (const name of Object.keys(content)) {
    const key = mediaKey(name);
    if (!out.has(key))
      out.set(key, { name, entry: content[name], pointer: child(child(owner.pointer, "content"), name) });
  }
  return out;
}

/** Compares the `content` of two request bodies (no status) or two responses of one status. */
export function compareContent(
  ctx: OperationContext,
  before: Located,
  after: Located,
  direction: Direction,
  status?: { status: string; success: boolean },
): void {
  const ma = mediaTypes(before);
  const mb = mediaTypes(after);
  const where = status ? { status: status.status } : {};
  for (const [key, a] of ma) {
    const b = mb.get(key);
    if (!b) {
      record(
        ctx,
        a.pointer,
        { kind: "media-type-removed", mediaType: a.name, ...where, success: status?.success ?? true },
        direction,
      );
      continue;
    }
    const sa = isObject(a.entry) && Object.hasOwn(a.entry, "schema") ? a.entry.schema : true;
    const sb = isObject(b.entry) && Object.hasOwn(b.entry, "schema") ? b.entry.schema : true;
    ctx.schemas.compare(
      { schema: sa, pointer: `${a.pointer}/schema` },
      { schema: sb, pointer: `${b.pointer}/schema` },
      { direction, node: ctx.node },
    );
  }
  for (const [key, b] of mb) {
    if (!ma.has(key))
      record(ctx, b.pointer, { kind: "media-type-added", mediaType: b.name, ...where }, direction);
  }
}

export function compareRequestBody(ctx: OperationContext, opA: Located, opB: Located): void {
  const ra = ctx.a.resolve(opA.node.requestBody, child(opA.pointer, "requestBody"));
  const rb = ctx.b.resolve(opB.node.requestBody, child(opB.pointer, "requestBody"));
  if (!ra && !rb) return;
  if (!ra && rb) {
    const required = rb.node.required === true;
    record(
      ctx,
      rb.pointer,
      required ? { kind: "request-body-required", required } : { kind: "request-body-added", required },
      "request",
    );
    return;
  }
  if (ra && !rb) {
    record(ctx, ra.pointer, { kind: "request-body-removed" }, "request");
    return;
  }
  const a = ra as Located;
  const b = rb as Located;
  const required = b.node.required === true;
  if ((a.node.required === true) !== required)
    record(ctx, b.pointer, { kind: "request-body-required", required }, "request");
  compareContent(ctx, a, b, "request");
}
