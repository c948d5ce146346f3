// `enum` and `const`: strict comparisons for primitives (a hoisted Set for long enums), the runtime deep
// equality only when a value is an object or an array.
import type { Compiler, Place } from "./compiler.ts";
import { ownValue, type SchemaObject } from "./keywords.ts";
import { lit } from "./literal.ts";
import { messages } from "./messages.ts";
import { lines } from "./lines.ts";
import type { NodeInfo } from "./registry.ts";

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** Up to this many values are compared inline; more go through a Set. */
const INLINE_LIMIT = 6;

function membership(c: Compiler, v: string, values: readonly unknown[]): string {
  if (values.every(isPrimitive)) {
    if (values.length <= INLINE_LIMIT) return values.map((value) => `${v} === ${lit(value)}`).join(" || ");
    return `${c.module.set(values)}.has(${v})`;
  }
  return `${c.module.helper("equalsOneOf")}(${v}, ${c.module.json(values)})`;
}

export function emitValueKeywords(c: Compiler, schema: SchemaObject, info: NodeInfo, place: Place): string {
  if (!info.vocabularies.validation) return "";
  const v = place.value;
  const code: string[] = [];
  const values = ownValue(schema, "enum");
  if (Array.isArray(values)) {
    const check = values.length === 0 ? "true" : `!(${membership(c, v, values)})`;
    code.push(`if (${check}) {\n${c.fail(place.pointer, "enum", messages.enum(values))}\n}`);
  }
  if (Object.prototype.hasOwnProperty.call(schema, "const")) {
    const value = schema.const;
    const check = isPrimitive(value)
      ? `${v} !== ${lit(value)}`
      : `!${c.module.helper("deepEqual")}(${v}, ${c.module.json(value)})`;
    code.push(`if (${check}) {\n${c.fail(place.pointer, "const", messages.const(value))}\n}`);
  }
  return lines(code);
}
