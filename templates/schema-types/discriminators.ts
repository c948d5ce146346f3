// Discriminators, as openapi-typescript 7's scanDiscriminators handles them before it writes any type.
// It records every discriminator by the pointer of the schema holding it, then patches the document:
//  1. for a discriminator beside a oneOf, each mapped (or listed) target schema gets the discriminator
//     property as a required enum of its mapping values (pushed as one more allOf member when the target
//     has an allOf, else written into its properties);
//  2. a schema whose allOf $refs a discriminated schema inherits that discriminator (recorded under its
//     own pointer), and if the parent's mapping names it, it is patched the same way.
// openapi-typescript mutates its copy of the document; here the patches are kept beside the document
// (`view` gives the patched copy of an object) so the loaded document stays as it is.
import { escapeSegment } from "../../scripts/lib/json-pointer.ts";
import { checkDepth, MAX_DOCUMENT_NESTING } from "../../scripts/lib/depth.ts";
import { resolveInDocument } from "./refs.ts";

type Obj = Record<string, unknown>;

export interface Discriminator {
  propertyName: string;
  mapping?: Record<string, string>;
}

export interface Discriminators {
  /** Pointer of a schema ("#/components/schemas/Cat") -> the discriminator it holds or inherits. */
  objects: Map<string, Discriminator>;
  /** Pointers (as written in refs and mappings) of schemas already given their discriminator property. */
  refsHandled: Set<string>;
  /** The patched copy of an object, or the object itself. */
  view(node: Obj): Obj;
}

interface Found {
  node: Obj;
  pointer: string;
}

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Example values are data, however they look: openapi-typescript's walk enters them too, but an object
// in an example is no schema, and big specs (GitHub's) hold megabytes of examples. Only in maps keyed by
// name can "example" be a schema (a property named "example").
const DATA_KEYS = new Set(["example", "examples"]);
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "schemas", "dependentSchemas"]);

function isData(key: string, parentKey: string): boolean {
  return DATA_KEYS.has(key) && !NAME_MAPS.has(parentKey);
}

/** Whether any object of the document holds a discriminator (most specs have none: then no more work). */
function hasDiscriminator(value: unknown, ownKey: string, depth = 0): boolean {
  if (typeof value !== "object" || value === null) return false;
  checkDepth(depth, MAX_DOCUMENT_NESTING, "the spec");
  if (Array.isArray(value)) return value.some((item) => hasDiscriminator(item, "", depth + 1));
  const node = value as Obj;
  if (isObj(node.discriminator) && node.discriminator.propertyName) return true;
  for (const key in node) {
    const child = node[key];
    if (typeof child !== "object" || child === null || isData(key, ownKey)) continue;
    if (hasDiscriminator(child, key, depth + 1)) return true;
  }
  return false;
}

/**
 * Every object holding a discriminator, and every object holding an allOf array, in the order of a
 * depth-first walk of the whole document (the order openapi-typescript's two walks meet them).
 */
function collect(document: Obj): { discriminated: Found[]; composed: Found[] } {
  const discriminated: Found[] = [];
  const composed: Found[] = [];
  const stack: string[] = [];
  const pointer = () => (stack.length === 0 ? "#" : `#/${stack.join("/")}`);
  const visit = (value: unknown, ownKey: string): void => {
    if (typeof value !== "object" || value === null) return;
    checkDepth(stack.length, MAX_DOCUMENT_NESTING, "the spec", pointer);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        stack.push(String(i));
        visit(value[i], "");
        stack.pop();
      }
      return;
    }
    const node = value as Obj;
    const d = node.discriminator;
    if (isObj(d) && d.propertyName) discriminated.push({ node, pointer: pointer() });
    if (Array.isArray(node.allOf)) composed.push({ node, pointer: pointer() });
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child !== "object" || child === null || isData(key, ownKey)) continue;
      stack.push(escapeSegment(key));
      visit(child, key);
      stack.pop();
    }
  };
  visit(document, "");
  return { discriminated, composed };
}

export function scanDiscriminators(document: Obj): Discriminators {
  const patched = new Map<Obj, Obj>();
  const view = (node: Obj): Obj => patched.get(node) ?? node;
  const objects = new Map<string, Discriminator>();
  const refsHandled = new Set<string>();
  if (!hasDiscriminator(document, "")) return { objects, refsHandled, view };
  const { discriminated, composed } = collect(document);

  /** The target of `ref` gets `propertyName` as a required enum of `values`; false if it cannot. */
  const patch = (ref: string, values: string[], discriminator: Discriminator): boolean => {
    const original = resolveInDocument(document, ref, view);
    if (!original) return false;
    const target = view(original);
    const name = discriminator.propertyName;
    if (target.allOf) {
      if (!Array.isArray(target.allOf)) return false;
      const property = { type: "string", enum: values };
      const added = { type: "object", required: [name], properties: { [name]: property } };
      patched.set(original, { ...target, allOf: [...target.allOf, added] });
      return true;
    }
    if ("type" in target && target.type === "object") {
      const properties = isObj(target.properties) ? target.properties : {};
      const previous = properties[name];
      const description = isObj(previous) ? previous.description : undefined;
      const property =
        typeof description === "string"
          ? { type: "string", enum: values, description }
          : { type: "string", enum: values };
      const required = Array.isArray(target.required) ? target.required : [];
      patched.set(original, {
        ...target,
        properties: { ...properties, [name]: property },
        required: required.includes(name) ? required : [...required, name],
      });
      return true;
    }
    return false;
  };

  for (const { node, pointer } of discriminated) {
    const discriminator = node.discriminator as Discriminator;
    objects.set(pointer, discriminator);
    if (!Array.isArray(node.oneOf)) continue;
    // ref -> the value the oneOf implies (its last segment) or the values the mapping gives it.
    const mapping = new Map<string, { inferred?: string; defined?: string[] }>();
    for (const item of node.oneOf) {
      if (!isObj(item) || typeof item.$ref !== "string") continue;
      const value = item.$ref.split("/").pop();
      if (value) mapping.set(item.$ref, { ...mapping.get(item.$ref), inferred: value });
    }
    if (isObj(discriminator.mapping)) {
      for (const [value, ref] of Object.entries(discriminator.mapping)) {
        if (typeof ref !== "string" || ref === "") continue;
        let entry = mapping.get(ref);
        if (!entry?.defined) {
          entry = { defined: [] };
          mapping.set(ref, entry);
        }
        entry.defined?.push(value);
      }
    }
    for (const [ref, { inferred, defined }] of mapping) {
      if (refsHandled.has(ref)) continue;
      const values = defined ?? (inferred ? [inferred] : undefined);
      if (values && patch(ref, values, discriminator)) refsHandled.add(ref);
    }
  }

  for (const { node, pointer } of composed) {
    for (const item of view(node).allOf as unknown[]) {
      if (isObj(item) && "$ref" in item) {
        const inherited = typeof item.$ref === "string" ? objects.get(item.$ref) : undefined;
        // openapi-typescript stops at the first allOf $ref that is not discriminated.
        if (!inherited) break;
        const values = isObj(inherited.mapping)
          ? Object.keys(inherited.mapping).filter((v) => inherited.mapping?.[v] === pointer)
          : [];
        if (values.length > 0 && patch(pointer, values, inherited)) refsHandled.add(pointer);
        objects.set(pointer, { ...inherited });
      } else if (isObj(item) && isObj(item.discriminator) && item.discriminator.propertyName) {
        objects.set(pointer, { ...(item.discriminator as unknown as Discriminator) });
      }
    }
  }
  return { objects, refsHandled, view };
}
