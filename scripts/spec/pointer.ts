// JSON pointers (RFC 6901) over parsed specs. Specs are user input: a key such as "__proto__" or
// "constructor" must be read and written as an own property, never through the prototype chain.

import { getOwn } from "../lib/own.ts";
import { escapeSegment, unescapeSegment } from "../lib/json-pointer.ts";

// The own-property helpers live in lib/ so the scraper uses the same ones for objects built from pages.
export { getOwn, setOwn } from "../lib/own.ts";
// The segment escapes live in lib/ so the templates, which stand on the model and not on this layer, use
// them too.
export { escapeSegment, unescapeSegment } from "../lib/json-pointer.ts";

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Appends one key to a pointer: child("/paths", "/items") is "/paths/~1items". */
export function child(pointer: string, key: string | number): string {
  return `${pointer}/${typeof key === "number" ? key : escapeSegment(key)}`;
}

/**
 * The value a `$ref` fragment ("/components/schemas/Pet", the part after "#") points at, or undefined.
 * Fragments are URI fragments, so they are percent-decoded first ("Foo%20Bar" names "Foo Bar").
 */
export function resolveFragment(root: unknown, fragment: string): unknown {
  let decoded = fragment;
  if (fragment.indexOf("%") !== -1) {
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      // A stray "%" that is not an escape: read the fragment as written.
    }
  }
  if (decoded === "") return root;
  if (!decoded.startsWith("/")) return undefined;
  let node: unknown = root;
  for (const raw of decoded.slice(1).split("/")) {
    node = getOwn(node, unescapeSegment(raw));
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * Follows internal $refs ("#/components/parameters/Limit") to the object they name, own properties only.
 * Undefined for a non-object, an external ref or a ref to nowhere; a ref chain longer than 20 is left as is.
 */
export function derefObject(document: unknown, value: unknown, depth = 0): Obj | undefined {
  if (!isObject(value)) return undefined;
  const ref = value.$ref;
  if (typeof ref !== "string" || depth > 20) return value;
  if (!ref.startsWith("#")) return undefined;
  return derefObject(document, resolveFragment(document, ref.slice(1)), depth + 1);
}
