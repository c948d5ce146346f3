// `$ref` and `$dynamicRef`: a call to the target schema's function. A `$dynamicRef` whose static target
// carries the matching `$dynamicAnchor` is looked up at run time in the dynamic scope (the outermost
// resource entered that declares the anchor); otherwise it is a plain `$ref`.
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import { isSchemaObject, ownValue, type SchemaObject } from "./keywords.ts";
import { lines } from "./lines.ts";
import type { NodeInfo } from "./registry.ts";
import { splitFragment } from "./uri.ts";

export function emitRefs(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const code: string[] = [];
  const ref = ownValue(schema, "$ref");
  if (typeof ref === "string") {
    const target = c.registry.resolve(ref, info.base);
    if (target) code.push(c.call(c.functionFor(target.schema, target.info), place, scope));
    else
      c.warn(
        `${info.location}/$ref`,
        `cannot resolve $ref ${JSON.stringify(ref.slice(0, 200))}: not checked`,
      );
  }
  const dynamicRef = ownValue(schema, "$dynamicRef");
  if (typeof dynamicRef === "string") code.push(emitDynamicRef(c, dynamicRef, info, place, scope));
  return lines(code);
}

function emitDynamicRef(
  c: Compiler,
  ref: string,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const target = c.registry.resolve(ref, info.base);
  if (!target) {
    c.warn(
      `${info.location}/$dynamicRef`,
      `cannot resolve $dynamicRef ${JSON.stringify(ref.slice(0, 200))}: not checked`,
    );
    return "";
  }
  const initial = c.functionFor(target.schema, target.info);
  const anchor = splitFragment(ref)[1];
  const dynamic =
    anchor !== "" &&
    !anchor.startsWith("/") &&
    isSchemaObject(target.schema) &&
    ownValue(target.schema, "$dynamicAnchor") === anchor;
  if (!dynamic) return c.call(initial, place, scope);
  if (!c.flags.dynamicScope) {
    c.needsDynamicScope = true;
    return c.call(initial, place, scope);
  }
  return c.call(`(${c.dynamicLookupName(anchor)}() ?? ${initial})`, place, scope);
}
