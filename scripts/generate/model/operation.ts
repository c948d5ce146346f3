// The operations of a document and the facts of each that are read straight from the spec: its
// parameters (path-level and operation-level merged), the media type chosen for a body, and the security
// requirements. Names are chosen elsewhere (names.ts), in one pass over the list this file makes.
import type { HttpMethod, ParameterModel } from "./codegen-model.ts";
import { derefObject, isObject } from "../../spec/pointer.ts";

type Json = Record<string, unknown>;

/** Methods the client can send: the Fetch standard forbids TRACE (the loader warns about such operations). */
export const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch"];
const MEDIA_PREFERENCE = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];

/** One operation of the document: where it is, its path item and its own object. */
export interface OperationEntry {
  path: string;
  method: HttpMethod;
  pathItem: Json;
  op: Json;
}

/** Every operation, in the order every name is chosen: paths sorted, then METHODS' order. */
export function operationEntries(document: Json): OperationEntry[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const entries: OperationEntry[] = [];
  for (const path of Object.keys(paths).sort()) {
    const pathItem = derefObject(document, paths[path]) ?? {};
    for (const method of METHODS) {
      const op = pathItem[method];
      if (isObject(op)) entries.push({ path, method, pathItem, op });
    }
  }
  return entries;
}

export function pickMedia(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return (
    MEDIA_PREFERENCE.find((m) => types.includes(m)) ?? types.find((t) => /json/i.test(t)) ?? types.sort()[0]
  );
}

/** The schema of a parameter given as `content` (one media type) rather than `schema`. */
function mediaSchema(content: unknown): unknown {
  const mediaType = pickMedia(content);
  const media = mediaType === undefined || !isObject(content) ? undefined : content[mediaType];
  return isObject(media) ? media.schema : undefined;
}

export function parametersOf(document: Json, pathItem: Json, op: Json): ParameterModel[] {
  const byKey = new Map<string, ParameterModel>();
  for (const raw of [
    ...((pathItem.parameters as unknown[]) ?? []),
    ...((op.parameters as unknown[]) ?? []),
  ]) {
    const p = derefObject(document, raw);
    if (!p || typeof p.name !== "string" || typeof p.in !== "string") continue;
    if (!["path", "query", "header", "cookie"].includes(p.in)) continue;
    const model: ParameterModel = {
      name: p.name,
      in: p.in as ParameterModel["in"],
      required: p.in === "path" || p.required === true,
    };
    if (typeof p.description === "string") model.description = p.description;
    if (typeof p.style === "string") model.style = p.style as ParameterModel["style"];
    if (typeof p.explode === "boolean") model.explode = p.explode;
    const schema = p.schema ?? mediaSchema(p.content);
    if (schema !== undefined) model.schema = schema;
    // Operation-level parameters override path-level ones with the same name and location.
    byKey.set(`${p.in}:${p.name}`, model);
  }
  return [...byKey.values()];
}

export function securityOf(op: Json, document: Json): string[][] {
  const requirements = (op.security ?? document.security ?? []) as Json[];
  return requirements.map((r) => Object.keys(r).sort());
}

/** The header the client fills with a fresh key so retried writes are safe, when the spec declares one. */
export function idempotencyHeaderOf(parameters: ParameterModel[]): string | undefined {
  return parameters.find((p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key")?.name;
}
