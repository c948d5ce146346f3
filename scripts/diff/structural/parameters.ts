// Parameters of an operation, matched by location and name (header names regardless of case). A name
// that left one location for another was moved; one gone and one come in the same location with the same
// schema was renamed; the rest were added or removed. Parameters on the path item count for each of its
// operations, and an operation's own parameter overrides one of the path item with the same key.
import { child, isObject } from "../../spec/pointer.ts";
import type { OperationContext } from "./context.ts";
import { record } from "./context.ts";
import type { Member } from "./schema-view.ts";
import { shapeText, unwrap } from "./schema-view.ts";
import type { Located, Side } from "./side.ts";

interface Parameter extends Located {
  in: string;
  name: string;
}

/** Headers the OpenAPI spec says to ignore as parameters: the request's own machinery sets them. */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

export function parametersOf(
  side: Side,
  path: string,
  pathItem: Located,
  operation: Located,
): Map<string, Parameter> {
  // Path parameters are matched by their place in the template: callers fill places, not names.
  const places = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string);
  const out = new Map<string, Parameter>();
  for (const owner of [pathItem, operation]) {
    const list = owner.node.parameters;
    if (!Array.isArray(list)) continue;
    list.forEach((raw, i) => {
      const found = side.resolve(raw, child(child(owner.pointer, "parameters"), i));
      if (!found || typeof found.node.name !== "string" || typeof found.node.in !== "string") return;
      const where = found.node.in;
      const name = found.node.name;
      if (where === "header" && IGNORED_HEADERS.has(name.toLowerCase())) return;
      const place = where === "path" ? places.indexOf(name) : -1;
      out.set(place >= 0 ? `path:#${place}` : keyOf(where, name), { ...found, in: where, name });
    });
  }
  return out;
}

function keyOf(where: string, name: string): string {
  return `${where}:${where === "header" ? name.toLowerCase() : name}`;
}

function isRequired(p: Parameter): boolean {
  return p.in === "path" || p.node.required === true;
}

/** The parameter's schema: `schema`, or the one of its single `content` entry. */
export function parameterSchema(p: Located): Member {
  if (Object.hasOwn(p.node, "schema")) return { schema: p.node.schema, pointer: child(p.pointer, "schema") };
  const content = p.node.content;
  if (isObject(content)) {
    const media = Object.keys(content)[0];
    const entry = media === undefined ? undefined : content[media];
    if (isObject(entry) && Object.hasOwn(entry, "schema"))
      return {
        schema: entry.schema,
        pointer: child(child(child(p.pointer, "content"), media as string), "schema"),
      };
  }
  return { schema: true, pointer: p.pointer };
}

/** Whether a parameter's values can be arrays or objects (or its schema does not say). */
function structured(side: Side, member: Member): boolean {
  const node = side.resolve(unwrap(member.schema, member.pointer).schema, member.pointer)?.node;
  if (!node) return true;
  const types =
    typeof node.type === "string" ? [node.type] : Array.isArray(node.type) ? node.type : undefined;
  if (!types) return !Object.hasOwn(node, "enum") && !Object.hasOwn(node, "const");
  return types.includes("array") || types.includes("object");
}

function serialization(p: Parameter): string {
  const style =
    typeof p.node.style === "string"
      ? p.node.style
      : p.in === "query" || p.in === "cookie"
        ? "form"
        : "simple";
  const explode = typeof p.node.explode === "boolean" ? p.node.explode : style === "form";
  return explode ? `${style}, exploded` : style;
}

export function compareParameters(
  ctx: OperationContext,
  before: Map<string, Parameter>,
  after: Map<string, Parameter>,
): void {
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const added = [...after.keys()].filter((k) => !before.has(k));
  // Moved: the same name in another location.
  for (const r of [...removed]) {
    const pa = before.get(r) as Parameter;
    const match = added.find((k) => (after.get(k) as Parameter).name.toLowerCase() === pa.name.toLowerCase());
    if (match === undefined) continue;
    const pb = after.get(match) as Parameter;
    record(ctx, pb.pointer, { kind: "parameter-moved", name: pb.name, from: pa.in, to: pb.in }, "request");
    removed.splice(removed.indexOf(r), 1);
    added.splice(added.indexOf(match), 1);
  }
  // Renamed: the only one gone and the only one come in a location, with the same schema.
  for (const where of new Set(removed.map((k) => (before.get(k) as Parameter).in))) {
    const gone = removed.filter((k) => (before.get(k) as Parameter).in === where);
    const come = added.filter((k) => (after.get(k) as Parameter).in === where);
    if (gone.length !== 1 || come.length !== 1) continue;
    const pa = before.get(gone[0] as string) as Parameter;
    const pb = after.get(come[0] as string) as Parameter;
    if (shapeText(parameterSchema(pa).schema) !== shapeText(parameterSchema(pb).schema)) continue;
    removed.splice(removed.indexOf(gone[0] as string), 1);
    added.splice(added.indexOf(come[0] as string), 1);
    // A path template's parameter name is not on the wire, and generated functions take it by position.
    if (where === "path") continue;
    record(ctx, pb.pointer, { kind: "parameter-renamed", in: where, from: pa.name, to: pb.name }, "request");
  }
  for (const k of removed) {
    const p = before.get(k) as Parameter;
    const deprecated = p.node.deprecated === true;
    record(
      ctx,
      p.pointer,
      { kind: "parameter-removed", in: p.in, name: p.name, required: isRequired(p), deprecated },
      "request",
    );
  }
  for (const k of added) {
    const p = after.get(k) as Parameter;
    record(
      ctx,
      p.pointer,
      { kind: "parameter-added", in: p.in, name: p.name, required: isRequired(p) },
      "request",
    );
  }
  for (const [k, pa] of before) {
    const pb = after.get(k);
    if (!pb) continue;
    compareParameter(ctx, pa, pb);
  }
}

function compareParameter(ctx: OperationContext, pa: Parameter, pb: Parameter): void {
  const facts = { in: pb.in, name: pb.name };
  if (isRequired(pa) !== isRequired(pb))
    record(ctx, pb.pointer, { kind: "parameter-required", ...facts, required: isRequired(pb) }, "request");
  if (pa.node.deprecated !== true && pb.node.deprecated === true)
    record(ctx, pb.pointer, { kind: "parameter-deprecated", ...facts }, "request");
  const sa = serialization(pa);
  const sb = serialization(pb);
  // Style and explode only change how arrays and objects are written: a string looks the same.
  if (sa !== sb && structured(ctx.b, parameterSchema(pb)))
    record(ctx, pb.pointer, { kind: "parameter-serialization", ...facts, before: sa, after: sb }, "request");
  ctx.schemas.compare(parameterSchema(pa), parameterSchema(pb), { direction: "request", node: ctx.node });
}
