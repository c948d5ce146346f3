// unevaluatedProperties / unevaluatedItems: run last in their schema, over the keys and indices that no
// other keyword at the same location evaluated (the local tracker filled by properties, items, passing
// anyOf branches, $ref targets and so on).
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import { isSchema, ownValue, type SchemaObject } from "./keywords.ts";
import { messages } from "./messages.ts";
import { lines } from "./lines.ts";
import type { NodeInfo } from "./registry.ts";

export function emitUnevaluated(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  if (place.ev === null) return "";
  const v = place.value;
  const tracker = place.ev.expr;
  const code: string[] = [];
  const properties = ownValue(schema, "unevaluatedProperties");
  if (isSchema(properties) && properties !== true) {
    c.module.usesHas = true;
    const k = scope.next("k");
    const x = scope.next("x");
    const pointer = place.pointer.inputKey(k);
    const check =
      properties === false
        ? c.fail(pointer, "unevaluatedProperties", messages.unevaluatedProperty())
        : c.emit(
            properties,
            c.infoOf(properties, info, "/unevaluatedProperties"),
            { value: x, pointer, ev: null },
            scope,
          );
    code.push(
      `if (typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})) {`,
      `for (const ${k} in ${v}) {`,
      `if (!has.call(${v}, ${k}) || ${c.module.helper("isPropEvaluated")}(${tracker}, ${k})) continue;`,
      `const ${x} = ${v}[${k}];`,
      `if (${x} === undefined) continue;`,
      check,
      "}",
      "}",
    );
  }
  const items = ownValue(schema, "unevaluatedItems");
  if (isSchema(items) && items !== true) {
    const i = scope.next("i");
    const x = scope.next("x");
    const pointer = place.pointer.index(i);
    const check =
      items === false
        ? c.fail(pointer, "unevaluatedItems", messages.unevaluatedItem())
        : c.emit(items, c.infoOf(items, info, "/unevaluatedItems"), { value: x, pointer, ev: null }, scope);
    code.push(
      `if (Array.isArray(${v})) {`,
      `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`,
      `if (${c.module.helper("isItemEvaluated")}(${tracker}, ${i})) continue;`,
      `const ${x} = ${v}[${i}];`,
      check,
      "}",
      "}",
    );
  }
  return lines(code);
}
