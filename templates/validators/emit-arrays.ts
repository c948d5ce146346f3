// Array keywords, inside the array branch: min/maxItems, uniqueItems (the runtime's duplicate finder,
// safe for objects with odd keys), prefixItems, items (a plain indexed loop), contains with
// min/maxContains, and the annotations unevaluatedItems needs.
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import { isSchema, ownValue, type SchemaObject } from "./keywords.ts";
import { messages } from "./messages.ts";
import { lines } from "./lines.ts";
import type { NodeInfo, Schema } from "./registry.ts";

function count(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

export function emitArrayKeywords(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const v = place.value;
  const validation = info.vocabularies.validation;
  const code: string[] = [];
  if (validation) {
    const min = count(ownValue(schema, "minItems"));
    if (min !== undefined && min > 0) {
      code.push(
        `if (${v}.length < ${min}) {\n${c.fail(place.pointer, "minItems", messages.minItems(min))}\n}`,
      );
    }
    const max = count(ownValue(schema, "maxItems"));
    if (max !== undefined) {
      code.push(
        `if (${v}.length > ${max}) {\n${c.fail(place.pointer, "maxItems", messages.maxItems(max))}\n}`,
      );
    }
    if (ownValue(schema, "uniqueItems") === true) {
      const d = scope.next("d");
      const message = `"must not contain duplicate items (items " + ${d}[0] + " and " + ${d}[1] + " are equal)"`;
      code.push(
        `const ${d} = ${v}.length < 2 ? null : ${c.module.helper("findDuplicate")}(${v});`,
        `if (${d} !== null) {\n${c.failWith(place.pointer, "uniqueItems", message)}\n}`,
      );
    }
  }

  const prefix = ownValue(schema, "prefixItems");
  const prefixItems: Schema[] = Array.isArray(prefix) ? prefix.filter(isSchema) : [];
  prefixItems.forEach((subschema, i) => {
    const x = scope.next("x");
    const childPlace: Place = { value: x, pointer: place.pointer.key(String(i)), ev: null };
    const check = c.emit(subschema, c.infoOf(subschema, info, `/prefixItems/${i}`), childPlace, scope);
    if (check !== "") code.push(`if (${v}.length > ${i}) {\nconst ${x} = ${v}[${i}];\n${check}\n}`);
  });
  if (prefixItems.length > 0) {
    code.push(
      c.annotate(
        place,
        (ev) => `if (${ev}.items < ${prefixItems.length}) ${ev}.items = ${prefixItems.length};`,
      ),
    );
  }

  const items = ownValue(schema, "items");
  if (isSchema(items)) {
    const start = prefixItems.length;
    if (items === false) {
      code.push(
        `if (${v}.length > ${start}) {\n${c.fail(place.pointer, "items", messages.maxItems(start))}\n}`,
      );
    } else {
      const i = scope.next("i");
      const x = scope.next("x");
      const childPlace: Place = { value: x, pointer: place.pointer.index(i), ev: null };
      const check = c.emit(items, c.infoOf(items, info, "/items"), childPlace, scope);
      if (check !== "") {
        code.push(
          `for (let ${i} = ${start}; ${i} < ${v}.length; ${i}++) {\nconst ${x} = ${v}[${i}];\n${check}\n}`,
        );
      }
    }
    code.push(c.annotate(place, (ev) => `${ev}.allItems = true;`));
  }

  const contains = ownValue(schema, "contains");
  if (isSchema(contains)) code.push(emitContains(c, schema, contains, info, place, scope));
  return lines(code);
}

function emitContains(
  c: Compiler,
  schema: SchemaObject,
  contains: Schema,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const v = place.value;
  const validation = info.vocabularies.validation;
  const min = (validation ? count(ownValue(schema, "minContains")) : undefined) ?? 1;
  const max = validation ? count(ownValue(schema, "maxContains")) : undefined;
  const fn = c.functionFor(contains, c.infoOf(contains, info, "/contains"));
  const n = scope.next("n");
  const i = scope.next("i");
  const annotation = c.annotate(place, (ev) => `${c.module.helper("evaluateItem")}(${ev}, ${i});`);
  // Without a maximum or annotations to collect, stop counting once the minimum is reached.
  const early = max === undefined && place.ev === null ? `\nif (${n} >= ${min}) break;` : "";
  const code = [
    `let ${n} = 0;`,
    `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`,
    `if (${fn}(${v}[${i}], null, null)) {`,
    `${n}++;${annotation ? `\n${annotation}` : ""}${early}`,
    "}",
    "}",
  ];
  if (min > 0)
    code.push(`if (${n} < ${min}) {\n${c.fail(place.pointer, "contains", messages.minContains(min))}\n}`);
  if (max !== undefined) {
    code.push(`if (${n} > ${max}) {\n${c.fail(place.pointer, "maxContains", messages.maxContains(max))}\n}`);
  }
  return lines(code);
}
