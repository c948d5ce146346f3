// JSON Schema (the 3.1 dialect OpenAPI uses) -> type IR, giving the types openapi-typescript 7 gives with
// the options templates used (alphabetize, emptyObjectsUnknown; everything else default). Its
// transformSchemaObject is the reference, decision by decision, including its quirks, since the rest
// of the package indexes into these types and must see the same ones:
//  - $ref wins over siblings; const (non-null) and enum (unless object-like) return before composition;
//  - allOf is an intersection with the core type; anyOf is a union with it; oneOf is a union with it when
//    every member is a primitive keyword, else an intersection of it with the union of the members;
//  - a property with a default is required, except under a path that mentions parameters, requestBody
//    or requestBodies;
//  - additionalProperties/patternProperties become a separate `{ [key: string]: T }` intersected in;
//  - a `type: [...]` list is the union of the schema re-read with each type alone.
// `path` is the pointer openapi-typescript would pass for the schema: it matters for defaults (above)
// and for discriminators, which are looked up by it.
import { childPath, type EmitContext } from "./emit-context.ts";
import { lastSegment } from "./refs.ts";
import { docLines } from "./schema-doc.ts";
import {
  array,
  BOOLEAN,
  intersection,
  isPrimitive,
  literal,
  NEVER,
  NULL,
  NUMBER,
  objectType,
  RECORD_STRING_NEVER,
  RECORD_STRING_UNKNOWN,
  STRING,
  union,
  UNKNOWN,
  type Member,
  type TypeNode,
} from "./type-node.ts";

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A JSON value as a literal type (const and enum members), as openapi-typescript's tsLiteral. */
export function literalType(value: unknown): TypeNode {
  if (typeof value === "string" || typeof value === "boolean") return literal(value);
  if (typeof value === "number") return Number.isFinite(value) ? literal(value) : NUMBER;
  if (value === null) return NULL;
  if (Array.isArray(value)) {
    return value.length === 0 ? array(NEVER) : { kind: "tuple", elements: value.map(literalType) };
  }
  if (typeof value === "object") {
    const members = Object.entries(value).map(([k, v]): Member => ({
      name: k,
      optional: false,
      readonly: false,
      type: literalType(v),
    }));
    return members.length > 0 ? objectType(members) : RECORD_STRING_NEVER;
  }
  return UNKNOWN;
}

export function schemaToType(schema: unknown, ctx: EmitContext, path: string): TypeNode {
  // false, null (and any falsy value) -> never; true -> unknown.
  if (!schema) return NEVER;
  if (schema === true) return UNKNOWN;
  // Not a schema: openapi-typescript throws; the loader validated the spec, so this is only reached
  // through the oneOf-from-enum quirk below, where a literal is the honest type.
  if (!isObj(schema)) return literalType(schema);
  const s = ctx.discriminators.view(schema);

  if ("$ref" in s) return typeof s.$ref === "string" ? ctx.refType(s.$ref) : UNKNOWN;
  if (s.const !== null && s.const !== undefined) return literalType(s.const);
  const enumLike = !("type" in s) || s.type !== "object";
  if (Array.isArray(s.enum) && enumLike && !("properties" in s) && !("additionalProperties" in s)) {
    const members = s.enum.map(literalType);
    if ((Array.isArray(s.type) && s.type.includes("null")) || s.nullable) members.push(NULL);
    return union(members);
  }

  let finalType: TypeNode | undefined;
  const core = coreType(s, ctx, path);
  const allOf = allOfMembers(Array.isArray(s.allOf) ? s.allOf : [], s.required, ctx, path);
  if (core || allOf.length > 0) {
    const all = allOf.length > 0 ? intersection(allOf) : undefined;
    finalType = intersection([...(core ? [core] : []), ...(all ? [all] : [])]);
  }
  const anyOf = unionMembers(Array.isArray(s.anyOf) ? s.anyOf : [], "anyOf", ctx, path);
  if (anyOf.length > 0) finalType = union([...(finalType ? [finalType] : []), ...anyOf]);
  // openapi-typescript reads the enum of a `type: object` schema as oneOf members.
  const oneOfSource = s.oneOf || ("type" in s && s.type === "object" && s.enum) || [];
  const oneOf = unionMembers(Array.isArray(oneOfSource) ? oneOfSource : [], "oneOf", ctx, path);
  if (oneOf.length > 0) {
    finalType = oneOf.every(isPrimitive)
      ? union([...(finalType ? [finalType] : []), ...oneOf])
      : intersection([...(finalType ? [finalType] : []), union(oneOf)]);
  }
  if (!finalType) finalType = "type" in s ? RECORD_STRING_UNKNOWN : UNKNOWN;
  // 3.0's nullable is upgraded away by the loader; kept for documents that still carry it.
  if (finalType !== UNKNOWN && s.nullable) finalType = { kind: "union", members: [finalType, NULL] };
  return finalType;
}

function unionMembers(items: unknown[], key: string, ctx: EmitContext, path: string): TypeNode[] {
  return items.map((item, i) => schemaToType(item, ctx, `${path}/${key}/${i}`));
}

function allOfMembers(items: unknown[], required: unknown, ctx: EmitContext, path: string): TypeNode[] {
  const parentRequired = Array.isArray(required) ? (required as unknown[]) : [];
  const { objects, refsHandled } = ctx.discriminators;
  return items.map((item) => {
    let itemType: TypeNode;
    const isRef = isObj(item) && "$ref" in item;
    if (isRef) {
      itemType = schemaToType(item, ctx, path);
      const ref = item.$ref;
      const resolved = typeof ref === "string" ? ctx.resolve(ref) : undefined;
      // The parent's `required` makes the referenced schema's own properties required.
      if (resolved && "properties" in resolved && !refsHandled.has(ref as string)) {
        const properties = resolved.properties;
        const valid = parentRequired.filter(
          (k): k is string =>
            typeof k === "string" && isObj(properties) && Object.hasOwn(properties, k) && !!properties[k],
        );
        if (valid.length > 0) {
          itemType = { kind: "generic", name: "WithRequired", args: [itemType, union(valid.map(literal))] };
        }
      }
    } else {
      // An inline member sees the parent's `required` as well as its own.
      const base = isObj(item) ? ctx.discriminators.view(item) : {};
      const own = Array.isArray(base.required) ? base.required : [];
      itemType = schemaToType({ ...base, required: [...parentRequired, ...own] }, ctx, path);
    }
    const discriminator =
      (isRef && typeof item.$ref === "string" && objects.get(item.$ref)) ||
      (isObj(item) && isObj(item.discriminator) ? item.discriminator : undefined);
    // The discriminated parent's property is left out: the child narrows it to its own value.
    if (discriminator) {
      return { kind: "generic", name: "Omit", args: [itemType, literalType(discriminator.propertyName)] };
    }
    return itemType;
  });
}

/** The discriminator property a schema inherits: its mapping key, or the last segment of its path. */
function discriminatorMember(ctx: EmitContext, path: string): Member | undefined {
  const discriminator = ctx.discriminators.objects.get(path);
  if (!discriminator || ctx.discriminators.refsHandled.has(path)) return undefined;
  let value = lastSegment(path);
  if (isObj(discriminator.mapping)) {
    for (const [key, target] of Object.entries(discriminator.mapping)) {
      if (typeof target !== "string") continue;
      const matches = target.startsWith("#") ? lastSegment(target) === value : target === value;
      if (matches) {
        value = key;
        break;
      }
    }
  }
  return {
    name: String(discriminator.propertyName),
    optional: false,
    readonly: false,
    type: value === undefined ? UNKNOWN : literal(value),
  };
}

/** The type from `type` and the object keywords, or undefined when they say nothing. */
function coreType(s: Obj, ctx: EmitContext, path: string): TypeNode | undefined {
  const type = s.type;
  if (type) {
    if (type === "null") return NULL;
    if (type === "string") return STRING;
    if (type === "number" || type === "integer") return NUMBER;
    if (type === "boolean") return BOOLEAN;
    if (type === "array") return arrayType(s, ctx, path);
    if (Array.isArray(type)) return typeListType(s, type, ctx, path);
  }
  return objectCore(s, ctx, path);
}

/** The object part of the core type: properties, $defs, index signatures, an inherited discriminator. */
function objectCore(s: Obj, ctx: EmitContext, path: string): TypeNode | undefined {
  const members: Member[] = [];
  if ((s.allOf || s.anyOf) && !s.discriminator) {
    const inherited = discriminatorMember(ctx, path);
    if (inherited) members.push(inherited);
  }
  const properties = isObj(s.properties) ? s.properties : undefined;
  const propertyNames = properties ? Object.keys(properties) : [];
  const hasObjectKeywords =
    propertyNames.length > 0 || !!s.additionalProperties || !!s.patternProperties || !!s.$defs;
  if (!hasObjectKeywords) return members.length > 0 ? objectType(members) : undefined;

  if (properties && propertyNames.length > 0) {
    const required = Array.isArray(s.required) ? (s.required as unknown[]) : [];
    // openapi-typescript's defaultNonNullable: a default makes a property required outside of inputs.
    const defaultsRequire =
      !path.includes("parameters") && !path.includes("requestBody") && !path.includes("requestBodies");
    for (const name of propertyNames) {
      const v = properties[name];
      const vObj = isObj(v) ? v : undefined;
      const hasDefault = vObj !== undefined && vObj.default !== undefined;
      const optional = !(required.includes(name) || (hasDefault && defaultsRequire));
      const type = schemaToType(v, ctx, childPath(path, name));
      const doc = docLines(vObj);
      members.push({
        name,
        optional,
        readonly: vObj !== undefined && !!vObj.readOnly,
        type,
        ...(doc ? { doc } : {}),
      });
    }
  }
  if (isObj(s.$defs) && Object.keys(s.$defs).length > 0) {
    const defs: Member[] = [];
    for (const [name, v] of Object.entries(s.$defs)) {
      const doc = docLines(v);
      defs.push({
        name,
        optional: false,
        readonly: isObj(v) && !!v.readOnly,
        type: schemaToType(v, ctx, childPath(childPath(path, "$defs"), name)),
        ...(doc ? { doc } : {}),
      });
    }
    members.push({ name: "$defs", optional: false, readonly: false, type: objectType(defs) });
  }

  const index: TypeNode[] = [];
  const ap = s.additionalProperties;
  if (isObj(ap)) index.push(Object.keys(ap).length > 0 ? schemaToType(ap, ctx, path) : UNKNOWN);
  else if (ap === true) index.push(UNKNOWN);
  if (isObj(s.patternProperties)) {
    for (const v of Object.values(s.patternProperties)) index.push(schemaToType(v, ctx, path));
  }
  if (index.length === 0) return members.length > 0 ? objectType(members) : undefined;
  return intersection([
    ...(members.length > 0 ? [objectType(members)] : []),
    objectType([], { keyName: "key", type: union(index) }),
  ]);
}

function arrayType(s: Obj, ctx: EmitContext, path: string): TypeNode {
  const items = s.items;
  if (s.prefixItems || Array.isArray(items)) {
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(items) ? items : [];
    return { kind: "tuple", elements: prefix.map((item) => schemaToType(item, ctx, path)) };
  }
  if (!items) return array(UNKNOWN);
  const itemType = schemaToType(items, ctx, path);
  if (isObj(items) && items.type === "array") return array(itemType);
  // As openapi-typescript: an item type that is already an array or tuple is not wrapped again.
  return itemType.kind === "array" || itemType.kind === "tuple" ? itemType : array(itemType);
}

/** `type: [a, b]`: the schema read once per listed type, as a union. */
function typeListType(s: Obj, types: unknown[], ctx: EmitContext, path: string): TypeNode {
  const out: TypeNode[] = [];
  const oneOf = Array.isArray(s.oneOf) ? s.oneOf : undefined;
  // Without compositions (nearly every type list: 3.0's nullable), re-reading the schema with one type
  // gives that type's core directly; skip copying the schema per type.
  // (An enum too: with type "object" it is read as oneOf members.)
  const plain = !s.allOf && !s.anyOf && !s.oneOf && !s.nullable && !s.enum;
  for (const t of types) {
    const isNull = t === "null" || t === null;
    if (oneOf) {
      // A primitive type that a oneOf member also has is left to the oneOf.
      const primitive =
        t === "boolean" || t === "string" || t === "number" || t === "integer" || t === "null";
      if (primitive && oneOf.some((o) => isObj(o) && o.type === t)) continue;
      out.push(isNull ? NULL : schemaToType({ ...s, type: t, oneOf: undefined }, ctx, path));
    } else if (isNull) {
      out.push(NULL);
    } else if (plain && typeof t === "string") {
      out.push(plainTypeCore(s, t, ctx, path));
    } else {
      out.push(schemaToType({ ...s, type: t }, ctx, path));
    }
  }
  return union(out);
}

/** What schemaToType gives for `{ ...s, type: t }` when `s` has no composition nor nullable. */
function plainTypeCore(s: Obj, t: string, ctx: EmitContext, path: string): TypeNode {
  switch (t) {
    case "string":
      return STRING;
    case "number":
    case "integer":
      return NUMBER;
    case "boolean":
      return BOOLEAN;
    case "array":
      return arrayType(s, ctx, path);
    default:
      // "object" (or an unknown type name): the object keywords, else an empty object.
      return objectCore(s, ctx, path) ?? RECORD_STRING_UNKNOWN;
  }
}
