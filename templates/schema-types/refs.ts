// `$ref` pointers: parsed as openapi-typescript parses them (redocly's parseRef: the part after "#/", split
// on "/", "~1"/"~0" unescaped, percent-decoded, empty segments dropped), turned into the indexed-access
// type it writes, and resolved against the document.
import { quoteString, refText } from "./print-type.ts";
import { UNKNOWN, type RefNode, type TypeNode } from "./type-node.ts";

type Obj = Record<string, unknown>;

/** The declarations src/openapi.ts exports: a ref can only name one of these. */
const ROOTS = new Set(["paths", "webhooks", "components", "$defs", "operations"]);

function decodeSegment(segment: string): string {
  const unescaped = segment.indexOf("~") === -1 ? segment : segment.replace(/~1/g, "/").replace(/~0/g, "~");
  if (unescaped.indexOf("%") === -1) return unescaped;
  try {
    return decodeURIComponent(unescaped);
  } catch {
    // A stray "%" (openapi-typescript throws here): keep the text as written.
    return unescaped;
  }
}

/** The pointer segments of a ref ("#/components/schemas/Pet" -> ["components", "schemas", "Pet"]). */
export function refSegments(ref: string): string[] {
  const hash = ref.indexOf("#/");
  if (hash === -1) return [];
  const out: string[] = [];
  for (const raw of ref.slice(hash + 2).split("/")) {
    const segment = decodeSegment(raw);
    if (segment !== "") out.push(segment);
  }
  return out;
}

/** The last segment of a pointer ("#/components/schemas/Cat" -> "Cat"), as openapi-typescript reads it. */
export function lastSegment(pointer: string): string | undefined {
  const segments = refSegments(pointer.startsWith("#") ? pointer : `#${pointer}`);
  return segments[segments.length - 1];
}

/**
 * The type for a ref, as openapi-typescript's oapiRef writes it: the first segment names the declaration,
 * the next two index it, and deeper segments index on except "properties" (so
 * #/components/schemas/X/properties/y is components["schemas"]["X"]["y"]). A ref to a parameter object
 * given with `parameter` ends with [in][name] instead of its last segment. With `schemaNames` (component
 * schema key -> its declaration's name), a ref into a named schema also carries its standalone form.
 */
export function refType(
  ref: string,
  parameter?: { in: string; name: string },
  schemaNames?: ReadonlyMap<string, string>,
): TypeNode {
  const segments = refSegments(ref);
  const root = segments[0];
  // openapi-typescript throws on "#" and prints any other root as is, which does not compile: a ref
  // outside the declarations the file has is `unknown` (the whole document, "#", is not a type here).
  if (root === undefined || !ROOTS.has(root)) return UNKNOWN;
  const path = segments.slice(1, 3);
  const rest = segments.slice(3);
  rest.forEach((segment, i) => {
    if (segment === "properties") return;
    if (parameter && i === rest.length - 1) path.push(parameter.in, parameter.name);
    else path.push(segment);
  });
  const node: RefNode = { kind: "ref", root, path, text: refText(root, path) };
  const named = root === "components" && path[0] === "schemas" ? schemaNames?.get(path[1] ?? "") : undefined;
  if (named !== undefined)
    node.schema = path.slice(2).reduce((text, key) => `${text}[${quoteString(key)}]`, named);
  return node;
}

/**
 * refType with a cache: a big spec has ~10^4 refs to a few thousand targets, and each one parsed and
 * printed once is a measurable part of the emitter's time.
 */
export function cachedRefTypes(
  schemaNames?: ReadonlyMap<string, string>,
): (ref: string, parameter?: { in: string; name: string }) => TypeNode {
  const cache = new Map<string, TypeNode>();
  return (ref, parameter) => {
    const key = parameter ? `${ref}\u0000${parameter.in}\u0000${parameter.name}` : ref;
    let type = cache.get(key);
    if (type === undefined) {
      type = refType(ref, parameter, schemaNames);
      cache.set(key, type);
    }
    return type;
  };
}

function getOwn(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return /^(0|[1-9]\d*)$/.test(key) ? node[Number(key)] : undefined;
  if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return undefined;
  return (node as Obj)[key];
}

/**
 * Resolves a ref in the document, following chains of $refs (a cycle gives undefined), as
 * openapi-typescript's resolveRef does: a falsy value on the way also gives undefined. `view` maps an
 * object to the version the emitter sees (discriminator patches, see discriminators.ts). Returns the
 * object as it sits in the document (before `view`). A loop, not recursion: a chain of $refs to $refs can
 * be as long as the spec has components.
 */
export function resolveInDocument(document: Obj, ref: string, view: (node: Obj) => Obj): Obj | undefined {
  const visited = new Set<string>();
  for (let current = ref; ;) {
    const segments = refSegments(current);
    if (segments.length === 0) return undefined;
    let node: unknown = document;
    for (const key of segments) {
      const at = typeof node === "object" && node !== null && !Array.isArray(node) ? view(node as Obj) : node;
      const next = getOwn(at, key);
      if (!next) return undefined;
      node = next;
    }
    if (typeof node !== "object" || node === null) return undefined;
    const target = view(node as Obj);
    if (typeof target.$ref !== "string" || target.$ref === "") return node as Obj;
    if (visited.has(target.$ref)) return undefined;
    visited.add(target.$ref);
    current = target.$ref;
  }
}
