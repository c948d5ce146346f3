// OpenAPI 3.0 -> 3.1, so that every consumer sees one dialect (JSON Schema 2020-12 schemas). One walk over
// the schema positions (components, parameters, headers, media types and every subschema); examples,
// defaults and enums are data and are never entered, so a "nullable" key inside an example stays.
import { ANNOTATION_KEYWORDS } from "../lib/schema-annotations.ts";
import { isObject, setOwn, type Obj } from "./pointer.ts";
import { combine, walkDocument, type Visitor } from "./walk.ts";

/** Returns a 3.1 copy of a 3.0 document; the input is not changed. A 3.1 document is returned as it is. */
export function upgradeTo31(document: Record<string, unknown>): Record<string, unknown> {
  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.0")) return document;
  const copy = structuredClone(document);
  upgradeInPlace(copy);
  return copy;
}

/** The upgrade as a visitor, for a walk shared with other passes. */
export const upgradeVisitor: Visitor = {
  enter(node, kind) {
    if (kind === "schema") upgradeSchema(node);
  },
};

/**
 * Upgrades a 3.0 document in place (the loader owns its freshly parsed document: no copy needed).
 * `alsoVisit` rides along on the same walk and sees each schema after its upgrade.
 */
export function upgradeInPlace(doc: Obj, alsoVisit?: Visitor): void {
  walkDocument(doc, alsoVisit ? combine(upgradeVisitor, alsoVisit) : upgradeVisitor);
  doc.openapi = "3.1.0";
}

// With one of these, `type` does not cover the whole schema: a nullable $ref or allOf must accept null
// alongside what they point at, which only a union can say.
const COMPOSITIONS = ["$ref", "allOf", "anyOf", "oneOf"];

/** Whether a schema has any keyword that changed between 3.0 and 3.1 (most have none). */
function needsUpgrade(node: Obj): boolean {
  // One pass over the keys the schema has: cheaper than probing five absent keys on each of the ~10^5
  // differently shaped schema objects of a big spec.
  for (const key in node) {
    switch (key) {
      case "nullable":
      case "x-nullable":
      case "exclusiveMinimum":
      case "exclusiveMaximum":
      case "example":
        return true;
    }
  }
  return false;
}

function upgradeSchema(node: Obj): void {
  if (!needsUpgrade(node)) return;
  // Seen in the wild (a Swagger 2 extension carried over): treated as `nullable`.
  const nullable = node.nullable === true || node["x-nullable"] === true;
  if (typeof node.nullable === "boolean") delete node.nullable;
  if (typeof node["x-nullable"] === "boolean") delete node["x-nullable"];

  exclusiveBound(node, "exclusiveMinimum", "minimum");
  exclusiveBound(node, "exclusiveMaximum", "maximum");

  if (Object.hasOwn(node, "example")) {
    const example = node.example;
    delete node.example;
    if (Array.isArray(node.examples)) node.examples = [example, ...node.examples];
    else if (!Object.hasOwn(node, "examples")) node.examples = [example];
  }

  if (nullable) makeNullable(node);
}

/** 3.0's `exclusiveMinimum: true` + `minimum: 5` is 3.1's `exclusiveMinimum: 5`. */
function exclusiveBound(node: Obj, exclusive: string, inclusive: string): void {
  const flag = node[exclusive];
  if (typeof flag !== "boolean") return;
  if (flag && typeof node[inclusive] === "number") {
    node[exclusive] = node[inclusive];
    delete node[inclusive];
  } else {
    // false, or true with no bound to make exclusive: the flag says nothing.
    delete node[exclusive];
  }
}

function makeNullable(node: Obj): void {
  const composed = COMPOSITIONS.some((k) => Object.hasOwn(node, k));
  const type = node.type;
  if (!composed && (typeof type === "string" || Array.isArray(type))) {
    if (typeof type === "string") node.type = type === "null" ? type : [type, "null"];
    else if (!type.includes("null")) node.type = [...type, "null"];
    addNullToEnum(node);
    return;
  }
  if (!composed && Array.isArray(node.enum)) {
    // No type: null passes the (absent) type check, but the enum must list it.
    addNullToEnum(node);
    return;
  }
  const constraints = Object.keys(node).filter((k) => !ANNOTATION_KEYWORDS.has(k) && !k.startsWith("x-"));
  // Nothing constrains the value (`{nullable: true, description}`): null is already allowed.
  if (constraints.length === 0) return;
  const nullSchema = { type: "null" };
  if (constraints.length === 1 && constraints[0] === "anyOf" && Array.isArray(node.anyOf)) {
    // A union already: null is one more member.
    if (!node.anyOf.some((s) => isObject(s) && s.type === "null")) node.anyOf = [...node.anyOf, nullSchema];
    return;
  }
  // {$ref: Pet, nullable: true, description} -> {description, anyOf: [{$ref: Pet}, {type: "null"}]}.
  // Rebuilt in place: the parent holds this very object. setOwn, as keys are user input ("__proto__").
  // Annotations stay outside, so titles and docs still sit on the property's schema.
  const entries = Object.entries(node);
  const inner: Obj = {};
  for (const key of Object.keys(node)) delete node[key];
  for (const [key, value] of entries) {
    if (ANNOTATION_KEYWORDS.has(key) || key.startsWith("x-")) setOwn(node, key, value);
    else setOwn(inner, key, value);
  }
  node.anyOf = [inner, nullSchema];
}

function addNullToEnum(node: Obj): void {
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
}
