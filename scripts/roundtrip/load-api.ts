// A spec (OpenAPI 3.1, internal $refs only, as scripts/spec's loadSpec returns it, or as the scraper writes
// it) as the RenderApi every renderer reads and the scorer compares: operations with their parameters
// (path-level ones merged in), request body and responses, every $ref resolved. A schema that refers to
// itself is cut to `{}` where it would repeat, and schemas nest at most MAX_SCHEMA_DEPTH levels.
import type { HttpMethod } from "../scrape/fragment.ts";
import { HTTP_METHODS } from "../scrape/fragment.ts";
import { derefObject, isObject, resolveFragment, type Obj } from "../spec/pointer.ts";
import { STATUS_NOT_SHOWN } from "../scrape/merge/responses.ts";
import type { RenderApi, RenderOperation, RenderParameter, RenderResponse, Schema } from "./types.ts";

/** Deeper than any body property the round trip scores (6) plus combinators around them. */
export const MAX_SCHEMA_DEPTH = 24;

const LOCATIONS = new Set(["path", "query", "header", "cookie"]);

/** Resolves schema $refs with a cycle cut; a resolved component is reused for every ref to it. */
class SchemaResolver {
  private readonly resolved = new Map<string, Schema>();
  constructor(private readonly document: Obj) {}

  schema(value: unknown): Schema {
    return this.walk(value, new Set(), 0);
  }

  private walk(value: unknown, refs: Set<string>, depth: number): Schema {
    if (!isObject(value) || depth > MAX_SCHEMA_DEPTH) return {};
    const ref = value.$ref;
    if (typeof ref === "string") {
      const target = this.ref(ref, refs, depth);
      const siblings = Object.entries(value).filter(([k]) => k !== "$ref");
      return siblings.length === 0
        ? target
        : { ...target, ...(this.node(Object.fromEntries(siblings), refs, depth) as Schema) };
    }
    return this.node(value, refs, depth) as Schema;
  }

  private ref(ref: string, refs: Set<string>, depth: number): Schema {
    if (!ref.startsWith("#") || refs.has(ref)) return {};
    const cached = this.resolved.get(ref);
    if (cached) return cached;
    const result = this.walk(
      resolveFragment(this.document, ref.slice(1)),
      new Set([...refs, ref]),
      depth + 1,
    );
    // Only a ref resolved from the top (no outer cycle to cut against) is the same everywhere.
    if (refs.size === 0) this.resolved.set(ref, result);
    return result;
  }

  /** Copies a schema, walking the keywords that hold schemas; other values are kept as they are. */
  private node(value: unknown, refs: Set<string>, depth: number): unknown {
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => {
        if (key === "properties" || key === "patternProperties" || key === "$defs") {
          return [
            key,
            isObject(child)
              ? Object.fromEntries(Object.entries(child).map(([n, s]) => [n, this.walk(s, refs, depth + 1)]))
              : child,
          ];
        }
        if (key === "allOf" || key === "anyOf" || key === "oneOf" || key === "prefixItems") {
          return [key, Array.isArray(child) ? child.map((s) => this.walk(s, refs, depth + 1)) : child];
        }
        if (key === "items" || key === "additionalProperties" || key === "not" || key === "contains") {
          return [key, isObject(child) ? this.walk(child, refs, depth + 1) : child];
        }
        return [key, child];
      }),
    );
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The media type a page would show first: JSON when there is one, else the first listed. */
function pickContent(content: unknown): [string, Obj] | undefined {
  if (!isObject(content)) return undefined;
  const entries = Object.entries(content).filter((e): e is [string, Obj] => isObject(e[1]));
  return entries.find(([type]) => /json/i.test(type)) ?? entries[0];
}

function serverUrls(document: Obj): string[] {
  const servers = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  return servers.flatMap((s) => {
    if (typeof s.url !== "string") return [];
    const variables = isObject(s.variables) ? s.variables : {};
    return [
      s.url.replace(/\{([^{}]*)\}/g, (whole, name: string) => {
        const v = variables[name];
        return isObject(v) && typeof v.default === "string" ? v.default : whole;
      }),
    ];
  });
}

export function loadRenderApi(document: Obj, name: string): RenderApi {
  const resolver = new SchemaResolver(document);
  const info = isObject(document.info) ? document.info : {};
  const operations: RenderOperation[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = derefObject(document, rawItem);
    if (!item) continue;
    for (const method of HTTP_METHODS) {
      const op = derefObject(document, item[method]);
      if (op) operations.push(readOperation(document, resolver, path, method, item, op));
    }
  }
  return {
    name,
    title: text(info.title) ?? name,
    version: text(info.version) ?? "1.0.0",
    servers: serverUrls(document),
    operations,
  };
}

function readParameters(document: Obj, resolver: SchemaResolver, item: Obj, op: Obj): RenderParameter[] {
  const byKey = new Map<string, RenderParameter>();
  for (const list of [item.parameters, op.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const raw of list) {
      const p = derefObject(document, raw);
      if (!p || typeof p.name !== "string" || typeof p.in !== "string" || !LOCATIONS.has(p.in)) continue;
      const location = p.in as RenderParameter["in"];
      const schema = p.schema ?? pickContent(p.content)?.[1].schema;
      const description = text(p.description);
      // An operation's parameter replaces the path item's of the same name and place.
      byKey.set(`${location}.${p.name}`, {
        name: p.name,
        in: location,
        required: p.required === true || location === "path",
        schema: resolver.schema(schema),
        ...(description ? { description } : {}),
        ...(p.deprecated === true ? { deprecated: true } : {}),
      });
    }
  }
  return [...byKey.values()];
}

function readOperation(
  document: Obj,
  resolver: SchemaResolver,
  path: string,
  method: HttpMethod,
  item: Obj,
  op: Obj,
): RenderOperation {
  const operation: RenderOperation = {
    method,
    path,
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
    parameters: readParameters(document, resolver, item, op),
    responses: [],
  };
  const operationId = text(op.operationId);
  if (operationId) operation.operationId = operationId;
  const summary = text(op.summary);
  if (summary) operation.summary = summary;
  const description = text(op.description);
  if (description) operation.description = description;
  if (op.deprecated === true) operation.deprecated = true;
  const body = derefObject(document, op.requestBody);
  const bodyContent = body ? pickContent(body.content) : undefined;
  if (body && bodyContent) {
    const bodyDescription = text(body.description);
    operation.requestBody = {
      contentType: bodyContent[0],
      required: body.required === true,
      schema: resolver.schema(bodyContent[1].schema),
      ...(bodyDescription ? { description: bodyDescription } : {}),
    };
  }
  const responses = isObject(op.responses) ? op.responses : {};
  for (const [status, raw] of Object.entries(responses)) {
    const r = derefObject(document, raw);
    // A scraped response whose status no page shows states no status fact (its body still counts nowhere:
    // the round trip scores request facts and status codes only).
    if (r?.[STATUS_NOT_SHOWN] === true) continue;
    const response: RenderResponse = { status };
    const responseDescription = text(r?.description);
    if (responseDescription) response.description = responseDescription;
    const content = r ? pickContent(r.content) : undefined;
    if (content) {
      response.contentType = content[0];
      if (content[1].schema !== undefined) response.schema = resolver.schema(content[1].schema);
    }
    operation.responses.push(response);
  }
  return operation;
}
