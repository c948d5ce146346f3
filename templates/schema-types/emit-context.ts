// What every part of the emitter shares for one document: the document, its discriminators (and the
// patched view of its objects), a cached ref resolver, and the helpers the output turned out to need.
import { escapeSegment } from "../../scripts/lib/json-pointer.ts";
import { scanDiscriminators, type Discriminators } from "./discriminators.ts";
import { cachedRefTypes, resolveInDocument } from "./refs.ts";
import type { Member, TypeNode } from "./type-node.ts";

type Obj = Record<string, unknown>;

export interface EmitContext {
  document: Obj;
  discriminators: Discriminators;
  /** The (patched) object a ref points at, after following $ref chains; undefined if it points nowhere. */
  resolve(ref: string): Obj | undefined;
  /** The type for a $ref (refs.ts refType, cached). */
  refType(ref: string, parameter?: { in: string; name: string }): TypeNode;
  /** Members of `operations`, in the order operations with an operationId are met. */
  operations: Member[];
}

/** `schemaNames`: component schema key -> the name of its standalone declaration (src/schema.ts). */
export function createContext(document: Obj, schemaNames?: ReadonlyMap<string, string>): EmitContext {
  const discriminators = scanDiscriminators(document);
  const cache = new Map<string, Obj | undefined>();
  return {
    document,
    discriminators,
    resolve(ref) {
      if (cache.has(ref)) return cache.get(ref);
      const original = resolveInDocument(document, ref, discriminators.view);
      const resolved = original && discriminators.view(original);
      cache.set(ref, resolved);
      return resolved;
    },
    refType: cachedRefTypes(schemaNames),
    operations: [],
  };
}

/** A child pointer, as openapi-typescript's createRef builds the paths it passes down. */
export function childPath(path: string, key: string): string {
  return key === "" ? path : `${path}/${escapeSegment(key)}`;
}
