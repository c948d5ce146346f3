// Which anyOf/oneOf branch the caller meant, when none passed, so errors come from that branch alone:
// - an implied discriminator: every branch is an object schema with the same property fixed to a different
//   value (`"type": {"const": "card"}` or a one-value enum); the input's value of it names the branch;
// - the kind of value: when only one branch accepts the input's kind (Stripe's `anyOf: [{type: object},
//   {enum: [""]}]` given an object), that branch is the one to report.
import type { Compiler } from "./compiler.ts";
import { declaredTypes } from "./emit-types.ts";
import { isSchemaObject, ownValue, type SchemaObject } from "./keywords.ts";
import type { NodeInfo, Schema } from "./registry.ts";

type Tag = string | number | boolean | null;

/** Follows a branch made only of a `$ref` (a few hops) to the schema that has the properties. */
function target(c: Compiler, schema: Schema, info: NodeInfo): SchemaObject | undefined {
  return targetWithInfo(c, schema, info)?.schema;
}

function targetWithInfo(
  c: Compiler,
  schema: Schema,
  info: NodeInfo,
): { schema: SchemaObject; info: NodeInfo } | undefined {
  let current: Schema = schema;
  let currentInfo = info;
  for (let hops = 0; hops < 5; hops++) {
    if (!isSchemaObject(current)) return undefined;
    const ref = ownValue(current, "$ref");
    if (typeof ref !== "string" || isSchemaObject(ownValue(current, "properties"))) {
      return { schema: current, info: currentInfo };
    }
    const resolved = c.registry.resolve(ref, currentInfo.base);
    if (!resolved) return undefined;
    current = resolved.schema;
    currentInfo = resolved.info;
  }
  return undefined;
}

function fixedValue(schema: unknown): { value: Tag } | undefined {
  if (!isSchemaObject(schema)) return undefined;
  const isTag = (value: unknown): value is Tag =>
    value === null || ["string", "number", "boolean"].includes(typeof value);
  if (Object.prototype.hasOwnProperty.call(schema, "const") && isTag(schema.const))
    return { value: schema.const };
  const values = ownValue(schema, "enum");
  if (Array.isArray(values) && values.length === 1 && isTag(values[0])) return { value: values[0] };
  return undefined;
}

/** The tag property and each branch's value, or undefined when the branches have no common tag. */
export function findImpliedTag(
  c: Compiler,
  branches: readonly Schema[],
  info: NodeInfo,
): { property: string; values: Tag[] } | undefined {
  if (branches.length < 2) return undefined;
  const objects = branches.map((branch) => target(c, branch, info));
  const first = objects[0];
  const firstProperties = first ? ownValue(first, "properties") : undefined;
  if (!isSchemaObject(firstProperties)) return undefined;
  for (const property of Object.keys(firstProperties)) {
    const values: Tag[] = [];
    for (const object of objects) {
      const properties = object ? ownValue(object, "properties") : undefined;
      const fixed = isSchemaObject(properties) ? fixedValue(ownValue(properties, property)) : undefined;
      if (!fixed) break;
      values.push(fixed.value);
    }
    if (values.length === branches.length && new Set(values).size === values.length)
      return { property, values };
  }
  return undefined;
}

/** Bits for the kinds of JSON values (must match KIND_* in the runtime's branchByKind). */
const KIND_BITS: Record<string, number> = {
  string: 1,
  number: 2 | 4,
  integer: 4,
  boolean: 8,
  null: 16,
  array: 32,
  object: 64,
};
const ANY_KIND = 127;

function kindOf(value: unknown): number {
  if (typeof value === "string") return 1;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 2;
  if (typeof value === "boolean") return 8;
  if (value === null) return 16;
  return Array.isArray(value) ? 32 : 64;
}

/** The kinds a branch can accept: from `type`, else from `const`/`enum` values, else any. */
function branchKinds(c: Compiler, schema: Schema, info: NodeInfo): number {
  const object = target(c, schema, info) ?? (isSchemaObject(schema) ? schema : undefined);
  if (!object) return schema === false ? 0 : ANY_KIND;
  const types = declaredTypes(object);
  if (types) return types.reduce((mask, type) => mask | (KIND_BITS[type] ?? ANY_KIND), 0);
  if (Object.prototype.hasOwnProperty.call(object, "const")) return kindOf(object.const);
  const values = ownValue(object, "enum");
  if (Array.isArray(values) && values.length > 0)
    return values.reduce((mask: number, value) => mask | kindOf(value), 0);
  return ANY_KIND;
}

/**
 * Each branch's accepted kinds when no two branches share a kind, so the value's kind alone says which
 * branch can pass (Stripe's `anyOf: [{type: object}, {enum: [""]}]`): the anyOf or oneOf is then that
 * branch, checked once. Undefined when a branch may accept any kind, two overlap, or a branch's `type`
 * and `enum` are not assertions (a vocabulary turned validation off).
 */
export function exclusiveBranchKinds(
  c: Compiler,
  branches: readonly Schema[],
  info: NodeInfo,
): number[] | undefined {
  let seen = 0;
  const kinds: number[] = [];
  for (const branch of branches) {
    const found = targetWithInfo(c, branch, info);
    const vocabularies = found ? (c.registry.infoOf(found.schema) ?? found.info).vocabularies : undefined;
    if (branch !== false && !vocabularies?.validation) return undefined;
    const mask = branchKinds(c, branch, info);
    if (mask === ANY_KIND || (mask & seen) !== 0) return undefined;
    seen |= mask;
    kinds.push(mask);
  }
  return kinds;
}

/** Keywords that check nothing: a branch of `$ref` and these is its target, error for error. */
const PASSIVE = new Set(["$ref", "$comment", "title", "description", "default", "examples", "deprecated"]);

/**
 * The types every branch declares first (its own `type`, or its target's for a branch of only `$ref`),
 * in order and without repeats, when each branch's declared kinds are its kinds in `exclusive`: a value
 * of none of them then fails each branch with one error, `type` at the value. Undefined otherwise.
 */
export function kindMismatchTypes(
  c: Compiler,
  branches: readonly Schema[],
  info: NodeInfo,
  exclusive: readonly number[],
): string[] | undefined {
  const all: string[] = [];
  for (let i = 0; i < branches.length; i++) {
    const types = firstDeclaredTypes(c, branches[i] as Schema, info);
    if (!types) return undefined;
    const mask = types.reduce((bits, type) => bits | (KIND_BITS[type] ?? ANY_KIND), 0);
    if (mask !== exclusive[i]) return undefined;
    for (const type of types) if (!all.includes(type)) all.push(type);
  }
  return all;
}

function firstDeclaredTypes(c: Compiler, schema: Schema, info: NodeInfo): string[] | undefined {
  let current = schema;
  let currentInfo = info;
  for (let hops = 0; hops < 5; hops++) {
    if (!isSchemaObject(current)) return undefined;
    const vocabularies = (c.registry.infoOf(current) ?? currentInfo).vocabularies;
    const types = vocabularies.validation ? declaredTypes(current) : undefined;
    if (types) return types;
    const ref = ownValue(current, "$ref");
    const passive = Object.keys(current).every((key) => PASSIVE.has(key) || key.startsWith("x-"));
    if (typeof ref !== "string" || !passive) return undefined;
    const resolved = c.registry.resolve(ref, currentInfo.base);
    if (!resolved) return undefined;
    current = resolved.schema;
    currentInfo = resolved.info;
  }
  return undefined;
}

/** A condition true exactly for the values of the given kinds (bits as in KIND_BITS). */
export function kindCondition(mask: number, v: string): string {
  const tests: string[] = [];
  if (mask & 1) tests.push(`typeof ${v} === "string"`);
  const numbers = mask & 6;
  if (numbers === 6) tests.push(`typeof ${v} === "number"`);
  else if (numbers === 4) tests.push(`Number.isInteger(${v})`);
  else if (numbers === 2) tests.push(`typeof ${v} === "number" && !Number.isInteger(${v})`);
  if (mask & 8) tests.push(`typeof ${v} === "boolean"`);
  if (mask & 16) tests.push(`${v} === null`);
  if (mask & 32) tests.push(`Array.isArray(${v})`);
  if (mask & 64) tests.push(`typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v})`);
  if (tests.length <= 1) return tests[0] ?? "false";
  return tests.map((test) => `(${test})`).join(" || ");
}

/** Each branch's accepted kinds, or undefined when they say nothing (every branch accepts anything). */
export function findBranchKinds(
  c: Compiler,
  branches: readonly Schema[],
  info: NodeInfo,
): number[] | undefined {
  const kinds = branches.map((branch) => branchKinds(c, branch, info));
  return kinds.every((mask) => mask === ANY_KIND) ? undefined : kinds;
}
