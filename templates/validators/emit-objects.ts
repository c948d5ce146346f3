// Object keywords, inside the object branch: properties with required (own properties only: `{}` has no
// "toString"; a key whose value is undefined counts as absent, as JSON.stringify and form encoding drop
// it), patternProperties and additionalProperties in one loop over own keys, dependentRequired,
// dependentSchemas, propertyNames, min/maxProperties.
//
// The own-property test avoids hasOwnProperty (a slow call in V8 for a constant key) in the usual case:
// when the object's prototype is Object.prototype and Object.prototype has no such key, a value found by
// `v[key]` can only be the object's own. Anything else (a polluted prototype, "toString", a class
// instance, a null-prototype object) goes through `has.call`.
import type { Compiler, FunctionScope, Place } from "./compiler.ts";
import { escapeSegment, isSchema, isSchemaObject, ownValue, type SchemaObject } from "./keywords.ts";
import { lit } from "./literal.ts";
import { messages } from "./messages.ts";
import { compilePattern } from "./patterns.ts";
import { lines } from "./lines.ts";
import type { NodeInfo, Schema } from "./registry.ts";

/** Up to this many known names are compared inline in the additionalProperties loop; more use a Set. */
const INLINE_NAMES = 8;

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? [...new Set(value.filter((item): item is string => typeof item === "string"))]
    : [];
}

function schemaMap(value: unknown): [string, Schema][] {
  if (!isSchemaObject(value)) return [];
  return Object.keys(value)
    .map((key): [string, unknown] => [key, value[key]])
    .filter((entry): entry is [string, Schema] => isSchema(entry[1]));
}

/** The most properties one generated function checks (see emitObjectKeywords). */
const PROPERTIES_PER_FUNCTION = 64;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function emitObjectKeywords(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
): string {
  const v = place.value;
  const validation = info.vocabularies.validation;
  const code: string[] = [];
  const present = (key: string, value: string) => {
    c.module.usesHas = true;
    // Keys Object.prototype has (toString, constructor, __proto__ ...) always take the exact test.
    if (key in Object.prototype) return `${value} !== undefined && has.call(${v}, ${lit(key)})`;
    // The prototype test comes after `v[key]` was read: V8 then knows the object's shape and folds it.
    const k = lit(key);
    return `${value} !== undefined && ((objectProto[${k}] === undefined && protoOf(${v}) === objectProto) || has.call(${v}, ${k}))`;
  };

  const properties = schemaMap(ownValue(schema, "properties"));
  const propertySchema = new Map(properties);
  const required = validation
    ? stringList(ownValue(schema, "required")).filter(
        (name) => !c.exemptFromRequired(propertySchema.get(name), info),
      )
    : [];
  const requiredSet = new Set(required);
  // Hundreds of properties (DocuSign's account settings) would make one function too big for tsc's flow
  // analysis (error TS2563) and for V8's optimizing compiler: they are checked in parts, each a function
  // of its own over the same object, in order, each with the required names among its properties.
  // Required names without a property schema, and the loop over the object's keys, stay here.
  const parts =
    properties.length > PROPERTIES_PER_FUNCTION ? chunks(properties, PROPERTIES_PER_FUNCTION) : [];
  for (const [index, part] of parts.entries()) {
    const names = new Set(part.map(([name]) => name));
    const partSchema = {
      properties: Object.fromEntries(part),
      required: required.filter((name) => names.has(name)),
    };
    const first = index * PROPERTIES_PER_FUNCTION + 1;
    const location = `${info.location}/properties (${first} to ${first + part.length - 1})`;
    code.push(c.call(c.functionFor(partSchema, { ...info, location }), place, scope));
  }
  for (const [name, subschema] of parts.length > 0 ? [] : properties) {
    const x = scope.next("x");
    const suffix = `/properties/${escapeSegment(name)}`;
    const childPlace: Place = { value: x, pointer: place.pointer.key(name), ev: null };
    const check = c.emit(subschema, c.infoOf(subschema, info, suffix), childPlace, scope);
    const annotation = c.annotate(place, (ev) => `${c.module.helper("evaluateProp")}(${ev}, ${lit(name)});`);
    const body = lines([annotation, check]);
    if (requiredSet.has(name)) {
      const missing = c.fail(place.pointer, "required", messages.required(name));
      code.push(`const ${x} = ${v}[${lit(name)}];`);
      code.push(`if (!(${present(name, x)})) {\n${missing}\n}${body ? ` else {\n${body}\n}` : ""}`);
    } else if (body !== "") {
      code.push(`const ${x} = ${v}[${lit(name)}];`, `if (${present(name, x)}) {\n${body}\n}`);
    }
  }
  const defined = new Set(properties.map(([name]) => name));
  for (const name of required) {
    if (defined.has(name)) continue;
    const missing = c.fail(place.pointer, "required", messages.required(name));
    code.push(`if (!(${present(name, `${v}[${lit(name)}]`)})) {\n${missing}\n}`);
  }

  // Draft 7's `dependencies` (still met in older specs): arrays are dependentRequired, schemas dependentSchemas.
  const dependencies = ownValue(schema, "dependencies");
  const legacy = isSchemaObject(dependencies) ? dependencies : {};
  const legacyRequired = Object.fromEntries(
    Object.entries(legacy).filter(([, value]) => Array.isArray(value)),
  );
  const legacySchemas = Object.fromEntries(Object.entries(legacy).filter(([, value]) => isSchema(value)));

  if (validation) {
    for (const dependentRequired of [ownValue(schema, "dependentRequired"), legacyRequired]) {
      if (!isSchemaObject(dependentRequired)) continue;
      for (const trigger of Object.keys(dependentRequired)) {
        const needed = stringList(dependentRequired[trigger]);
        if (needed.length === 0) continue;
        const checks = needed.map(
          (name) =>
            `if (!(${present(name, `${v}[${lit(name)}]`)})) {\n${c.fail(place.pointer, "dependentRequired", messages.dependentRequired(name, trigger))}\n}`,
        );
        code.push(`if (${present(trigger, `${v}[${lit(trigger)}]`)}) {\n${lines(checks)}\n}`);
      }
    }
  }

  const dependentSchemas = [
    ...schemaMap(ownValue(schema, "dependentSchemas")).map(
      ([trigger, subschema]) => ["dependentSchemas", trigger, subschema] as const,
    ),
    ...schemaMap(legacySchemas).map(([trigger, subschema]) => ["dependencies", trigger, subschema] as const),
  ];
  for (const [keyword, trigger, subschema] of dependentSchemas) {
    const suffix = `/${keyword}/${escapeSegment(trigger)}`;
    const check = c.emit(subschema, c.infoOf(subschema, info, suffix), place, scope);
    if (check !== "") code.push(`if (${present(trigger, `${v}[${lit(trigger)}]`)}) {\n${check}\n}`);
  }

  code.push(emitKeyLoop(c, schema, info, place, scope, defined));

  const propertyNames = ownValue(schema, "propertyNames");
  if (isSchema(propertyNames) && propertyNames !== true) {
    const fn = c.functionFor(propertyNames, c.infoOf(propertyNames, info, "/propertyNames"));
    const k = scope.next("k");
    const helper = c.module.helper("propertyNameErrors");
    c.module.usesHas = true;
    code.push(
      `for (const ${k} in ${v}) {`,
      `if (!has.call(${v}, ${k}) || ${fn}(${k}, null, null)) continue;`,
      `if (st === null || ${helper}(st, ${place.pointer.code()}, ${k}, ${fn})) return false;`,
      "ok = false;",
      "}",
    );
  }

  if (validation) {
    const min = ownValue(schema, "minProperties");
    const max = ownValue(schema, "maxProperties");
    const hasMin = typeof min === "number" && min > 0;
    const hasMax = typeof max === "number" && max >= 0;
    if (hasMin || hasMax) {
      const n = scope.next("n");
      code.push(`const ${n} = ${c.module.helper("countProperties")}(${v});`);
      if (hasMin)
        code.push(
          `if (${n} < ${lit(min)}) {\n${c.fail(place.pointer, "minProperties", messages.minProperties(min))}\n}`,
        );
      if (hasMax)
        code.push(
          `if (${n} > ${lit(max)}) {\n${c.fail(place.pointer, "maxProperties", messages.maxProperties(max))}\n}`,
        );
    }
  }
  return lines(code);
}

/** An expression: the key held in `k` is one of the declared property names. */
function knownCheck(c: Compiler, k: string, defined: Set<string>): string {
  const names = [...defined];
  if (names.length <= INLINE_NAMES) return names.map((name) => `${k} === ${lit(name)}`).join(" || ");
  return `${c.module.set(names)}.has(${k})`;
}

/** One loop over own keys for patternProperties, additionalProperties and their annotations. */
function emitKeyLoop(
  c: Compiler,
  schema: SchemaObject,
  info: NodeInfo,
  place: Place,
  scope: FunctionScope,
  defined: Set<string>,
): string {
  const v = place.value;
  const patterns = schemaMap(ownValue(schema, "patternProperties"));
  const additional = ownValue(schema, "additionalProperties");
  const hasAdditional = isSchema(additional) && additional !== true;
  const annotatesAll = isSchema(additional) && place.ev !== null;
  if (patterns.length === 0 && !hasAdditional) {
    return annotatesAll ? c.annotate(place, (ev) => `${ev}.allProps = true;`) : "";
  }
  c.module.usesHas = true;
  const k = scope.next("k");
  const x = scope.next("x");
  const matched = scope.next("m");
  const keyPointer = place.pointer.inputKey(k);
  const body: string[] = [];
  // Without patterns, a declared property needs nothing here: skip it before reading anything.
  if (patterns.length === 0 && hasAdditional && defined.size > 0)
    body.push(`if (${knownCheck(c, k, defined)}) continue;`);
  body.push(
    `if (!has.call(${v}, ${k})) continue;`,
    `const ${x} = ${v}[${k}];`,
    `if (${x} === undefined) continue;`,
  );
  const usable: string[] = [];
  if (hasAdditional && patterns.length > 0) body.push(`let ${matched} = false;`);
  for (const [source, subschema] of patterns) {
    const suffix = `/patternProperties/${escapeSegment(source)}`;
    const regex = compilePattern(c, source, info.location + suffix);
    if (!regex) continue;
    usable.push(source);
    const check = c.emit(
      subschema,
      c.infoOf(subschema, info, suffix),
      { value: x, pointer: keyPointer, ev: null },
      scope,
    );
    const annotation = c.annotate(place, (ev) => `${c.module.helper("evaluateProp")}(${ev}, ${k});`);
    const mark = hasAdditional ? `${matched} = true;` : "";
    const inner = lines([mark, annotation, check]);
    if (inner !== "") body.push(`if (${regex}.test(${k})) {\n${inner}\n}`);
  }
  if (hasAdditional) {
    const names = [...defined];
    const known = patterns.length === 0 || names.length === 0 ? "" : knownCheck(c, k, defined);
    const skip = [known, usable.length > 0 ? matched : ""].filter((part) => part !== "").join(" || ");
    if (skip !== "") body.push(`if (${skip}) continue;`);
    const check =
      additional === false
        ? c.fail(keyPointer, "additionalProperties", messages.additionalProperty(names))
        : c.emit(
            additional,
            c.infoOf(additional, info, "/additionalProperties"),
            { value: x, pointer: keyPointer, ev: null },
            scope,
          );
    body.push(check);
  }
  const loop = `for (const ${k} in ${v}) {\n${lines(body)}\n}`;
  return annotatesAll ? `${loop}\n${c.annotate(place, (ev) => `${ev}.allProps = true;`)}` : loop;
}
