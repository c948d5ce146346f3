// In-place applicators: allOf (inlined), anyOf / oneOf (each branch a function, tried yes/no; on failure
// the runtime reports the best-matching branch only; branches taking different kinds of value are picked
// by the value's kind and checked once), OpenAPI's discriminator (checks only the branch the tag names),
// not, and if/then/else.
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import {
  exclusiveBranchKinds,
  findBranchKinds,
  findImpliedTag,
  kindCondition,
  kindMismatchTypes,
} from "./branch-hints.ts";
import { isSchema, isSchemaObject, ownValue, type SchemaObject } from "./keywords.ts";
import { lit } from "./literal.ts";
import { messages, typeMessage } from "./messages.ts";
import { lines } from "./lines.ts";
import type { NodeInfo, Schema } from "./registry.ts";

function schemaList(value: unknown): Schema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

export function emitApplicators(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const code: string[] = [];
  schemaList(ownValue(schema, "allOf")).forEach((branch, i) => {
    code.push(c.emit(branch, c.infoOf(branch, info, `/allOf/${i}`), place, scope));
  });
  const anyOf = schemaList(ownValue(schema, "anyOf"));
  const oneOf = schemaList(ownValue(schema, "oneOf"));
  const discriminated = emitDiscriminator(c, schema, info, place, scope, oneOf.length > 0 ? oneOf : anyOf);
  if (discriminated !== undefined) {
    // The discriminator decides between the branches of one of them; the other still applies.
    if (oneOf.length > 0 && anyOf.length > 0) code.push(emitChoice(c, "anyOf", anyOf, info, place, scope));
    code.push(discriminated);
  } else {
    if (anyOf.length > 0) code.push(emitChoice(c, "anyOf", anyOf, info, place, scope));
    if (oneOf.length > 0) code.push(emitChoice(c, "oneOf", oneOf, info, place, scope));
  }
  const not = ownValue(schema, "not");
  if (isSchema(not)) {
    const fn = c.functionFor(not, c.infoOf(not, info, "/not"));
    code.push(`if (${fn}(${place.value}, null, null)) {\n${c.fail(place.pointer, "not", messages.not())}\n}`);
  }
  code.push(emitConditional(c, schema, info, place, scope));
  return lines(code);
}

/** A scratch tracker for one branch whose annotations count only if it passes. */
function scratch(
  c: Compiler,
  place: Place,
  scope: FunctionScope,
): { name: string; declare: string } | undefined {
  if (place.ev === null) return undefined;
  const name = scope.next("t");
  const create = `${c.module.helper("newEvaluated")}()`;
  const init = place.ev.nullable ? `${place.ev.expr} === null ? null : ${create}` : create;
  return { name, declare: `const ${name} = ${init};` };
}

function mergeScratch(c: Compiler, place: Place, tracker: string): string {
  if (place.ev === null) return "";
  const merge = `${c.module.helper("mergeEvaluated")}(${place.ev.expr}, ${tracker});`;
  return place.ev.nullable ? `if (${place.ev.expr} !== null && ${tracker} !== null) ${merge}` : merge;
}

function emitChoice(
  c: Compiler,
  keyword: "anyOf" | "oneOf",
  branches: Schema[],
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const v = place.value;
  const fns = branches.map((branch, i) => c.functionFor(branch, c.infoOf(branch, info, `/${keyword}/${i}`)));
  // Hints for the error pass: which branch the input meant (see branch-hints.ts).
  const tag = findImpliedTag(c, branches, info);
  const runtimeReport = (): string => {
    // The runtime tries the branches again for their errors: relative to their own value.
    c.ownFrames(fns);
    const kinds = findBranchKinds(c, branches, info);
    const hints = [
      tag ? lit(tag.property) : "null",
      tag ? c.module.json(tag.values) : "null",
      kinds ? c.module.json(kinds) : "null",
      // Said when the input's tag names no branch: every tag, worded at compile time like any enum.
      tag ? lit(messages.enum(tag.values)) : "null",
    ].join(", ");
    const helper = c.module.helper(keyword === "anyOf" ? "anyOfErrors" : "oneOfErrors");
    const report = `${helper}(st, ${place.pointer.code()}, ${v}, ${c.module.functionList(fns)}, ${hints})`;
    return `if (st === null) return false;\nok = false;\nif (${report}) return false;`;
  };
  const code: string[] = [];
  // Branches that each take other kinds of value: the value's kind picks the one that can pass, and the
  // anyOf (or oneOf) is that branch, checked once with the state (its errors are the ones to report).
  const exclusive = place.ev === null ? exclusiveBranchKinds(c, branches, info) : undefined;
  if (exclusive) {
    exclusive.forEach((mask, i) => {
      if (mask === 0) return;
      code.push(`${code.length === 0 ? "if" : "} else if"} (${kindCondition(mask, v)}) {`);
      code.push(c.call(fns[i] as string, place, scope));
    });
    if (code.length > 0) {
      // A value of no branch's kind fails each branch on its type alone: when every branch declares its
      // types, that is one error listing them all, known now (what the runtime would work out).
      const types = tag ? undefined : kindMismatchTypes(c, branches, info, exclusive);
      const onMismatch = types ? c.fail(place.pointer, "type", typeMessage(types)) : runtimeReport();
      code.push(`} else {\n${onMismatch}\n}`);
      return lines(code);
    }
  }
  const onFailure = runtimeReport();
  if (keyword === "anyOf") {
    if (place.ev === null) {
      const any = fns.map((fn) => `${fn}(${v}, null, null)`).join(" || ");
      return `if (!(${any})) {\n${onFailure}\n}`;
    }
    // Annotations: every passing branch counts, so try them all.
    const passed = scope.next("a");
    code.push(`let ${passed} = false;`);
    for (const fn of fns) {
      const t = scratch(c, place, scope);
      if (!t) continue;
      code.push(
        t.declare,
        `if (${fn}(${v}, null, ${t.name})) {\n${passed} = true;\n${mergeScratch(c, place, t.name)}\n}`,
      );
    }
    code.push(`if (!${passed}) {\n${onFailure}\n}`);
    return lines(code);
  }
  const n = scope.next("n");
  code.push(`let ${n} = 0;`);
  if (place.ev === null) {
    for (const fn of fns) code.push(`if (${n} < 2 && ${fn}(${v}, null, null)) ${n}++;`);
    code.push(`if (${n} !== 1) {\n${onFailure}\n}`);
    return lines(code);
  }
  const winner = scope.next("w");
  code.push(`let ${winner}: ${c.module.type("Evaluated")} | null = null;`);
  for (const fn of fns) {
    const t = scratch(c, place, scope);
    if (!t) continue;
    code.push(t.declare, `if (${fn}(${v}, null, ${t.name})) {\n${n}++;\n${winner} = ${t.name};\n}`);
  }
  code.push(
    `if (${n} !== 1) {\n${onFailure}\n} else if (${winner} !== null) {\n${mergeScratch(c, place, winner)}\n}`,
  );
  return lines(code);
}

/**
 * OpenAPI's discriminator on a oneOf/anyOf: the value of `propertyName` picks the one branch to check
 * (by `mapping`, else by the name of each branch's `$ref`). A missing or unknown value is one error
 * naming the allowed values. Undefined when the schema has no usable discriminator.
 */
function emitDiscriminator(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
  branches: Schema[],
): string | undefined {
  const discriminator = ownValue(schema, "discriminator");
  if (!isSchemaObject(discriminator) || branches.length === 0) return undefined;
  const property = ownValue(discriminator, "propertyName");
  if (typeof property !== "string") return undefined;
  const targets = new Map<string, string>();
  const mapped = new Set<Schema>();
  const mapping = ownValue(discriminator, "mapping");
  if (isSchemaObject(mapping)) {
    for (const value of Object.keys(mapping)) {
      const target = mapping[value];
      if (typeof target !== "string") continue;
      const ref = target.includes("#") || target.includes("/") ? target : `#/components/schemas/${target}`;
      const resolved = c.registry.resolve(ref, info.base);
      if (resolved) {
        targets.set(value, c.functionFor(resolved.schema, resolved.info));
        mapped.add(resolved.schema);
      } else
        c.warn(
          `${info.location}/discriminator/mapping`,
          `cannot resolve mapping ${JSON.stringify(ref.slice(0, 200))}`,
        );
    }
  }
  // A branch's schema name is its value unless the mapping already names that schema.
  branches.forEach((branch, i) => {
    const ref = isSchemaObject(branch) ? ownValue(branch, "$ref") : undefined;
    if (typeof ref !== "string") return;
    const target = c.registry.resolve(ref, info.base);
    if (target && mapped.has(target.schema)) return;
    const name = decodeName(ref.slice(ref.lastIndexOf("/") + 1));
    if (!targets.has(name)) targets.set(name, c.functionFor(branch, c.infoOf(branch, info, `/oneOf/${i}`)));
  });
  if (targets.size === 0) {
    c.warn(`${info.location}/discriminator`, "discriminator has no mapping and no $ref branches: ignored");
    return undefined;
  }
  const v = place.value;
  const tag = scope.next("tag");
  const values = [...targets.keys()];
  c.module.usesHas = true;
  const cases = [...targets].map(
    ([value, fn]) => `case ${lit(value)}: {\n${c.call(fn, place, scope)}\nbreak;\n}`,
  );
  const missing = c.fail(place.pointer, "discriminator", messages.discriminatorMissing(property, values));
  const unknown = c.fail(place.pointer.key(property), "discriminator", messages.discriminatorUnknown(values));
  const keyword = ownValue(schema, "oneOf") !== undefined ? "oneOf" : "anyOf";
  const fallback = emitChoice(c, keyword, branches, info, place, scope);
  return lines([
    `if (typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})) {`,
    `const ${tag} = has.call(${v}, ${lit(property)}) ? ${v}[${lit(property)}] : undefined;`,
    `switch (${tag}) {`,
    ...cases,
    `default:\nif (${tag} === undefined) {\n${missing}\n} else {\n${unknown}\n}`,
    "}",
    "} else {",
    fallback,
    "}",
  ]);
}

function decodeName(segment: string): string {
  const unescaped = segment.replace(/~1/g, "/").replace(/~0/g, "~");
  try {
    return decodeURIComponent(unescaped);
  } catch {
    return unescaped;
  }
}

function emitConditional(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const condition = ownValue(schema, "if");
  if (!isSchema(condition)) return "";
  const then = ownValue(schema, "then");
  const otherwise = ownValue(schema, "else");
  const thenCode = isSchema(then) ? c.emit(then, c.infoOf(then, info, "/then"), place, scope) : "";
  const elseCode = isSchema(otherwise)
    ? c.emit(otherwise, c.infoOf(otherwise, info, "/else"), place, scope)
    : "";
  const t = scratch(c, place, scope);
  if (thenCode === "" && elseCode === "" && !t) return "";
  const fn = c.functionFor(condition, c.infoOf(condition, info, "/if"));
  const thenBody = lines([t ? mergeScratch(c, place, t.name) : "", thenCode]);
  return lines([
    t ? t.declare : "",
    `if (${fn}(${place.value}, null, ${t ? t.name : "null"})) {`,
    thenBody,
    elseCode === "" ? "}" : `} else {\n${elseCode}\n}`,
  ]);
}
