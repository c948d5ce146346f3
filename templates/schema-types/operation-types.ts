// paths, webhooks, operations and components as types, in the shape openapi-typescript 7 gives them (the
// other templates index into it): a path item lists `parameters` and every method (`get?: never` when
// absent); an operation with an operationId is `operations["id"]`, declared under `operations`; an
// operation has `parameters` (query/header/path/cookie, path-level ones merged in and overridden by
// in+name), `requestBody` and `responses` ({ headers; content }). Components have schemas, responses,
// parameters, requestBodies, headers and pathItems (`never` when empty).
import { childPath, type EmitContext } from "./emit-context.ts";
import { docLines } from "./schema-doc.ts";
import { schemaToType } from "./schema-to-type.ts";
import { member, NEVER, objectType, STRING, UNKNOWN, type Member, type TypeNode } from "./type-node.ts";

type Obj = Record<string, unknown>;

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS = ["query", "header", "path", "cookie"];

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function entries(value: unknown): [string, unknown][] {
  return isObj(value) ? Object.entries(value) : [];
}

function isRef(value: unknown): value is Obj & { $ref: string } {
  return isObj(value) && typeof value.$ref === "string";
}

function withDoc(name: string, type: TypeNode, optional: boolean, source: unknown): Member {
  return member(name, type, optional, docLines(source));
}

export function mediaTypeType(mediaType: unknown, ctx: EmitContext, path: string): TypeNode {
  return isObj(mediaType) && mediaType.schema ? schemaToType(mediaType.schema, ctx, path) : UNKNOWN;
}

export function parameterType(parameter: unknown, ctx: EmitContext, path: string): TypeNode {
  return isObj(parameter) && parameter.schema ? schemaToType(parameter.schema, ctx, path) : STRING;
}

export function headerType(header: unknown, ctx: EmitContext, path: string): TypeNode {
  if (!isObj(header)) return UNKNOWN;
  if (header.schema) return schemaToType(header.schema, ctx, path);
  if (header.content) {
    const members = entries(header.content).map(([contentType, mediaType]) => {
      const at = childPath(path, contentType);
      const type = isRef(mediaType) ? ctx.refType(mediaType.$ref) : mediaTypeType(mediaType, ctx, at);
      return member(contentType, type);
    });
    return objectType(members);
  }
  return UNKNOWN;
}

export function requestBodyType(body: unknown, ctx: EmitContext, path: string): TypeNode {
  const content = childPath(path, "content");
  const members = entries(isObj(body) ? body.content : undefined).map(([contentType, mediaType]) => {
    const at = childPath(content, contentType);
    const type = isRef(mediaType) ? ctx.refType(mediaType.$ref) : mediaTypeType(mediaType, ctx, at);
    return member(contentType, type);
  });
  // No media type at all: openapi-typescript writes `"*/*"?: never`.
  const contentType = objectType(members.length > 0 ? members : [member("*/*", NEVER, true)]);
  return objectType([member("content", contentType)]);
}

export function responseType(response: unknown, ctx: EmitContext, path: string): TypeNode {
  const r = isObj(response) ? response : {};
  const headersPath = childPath(path, "headers");
  const headers = entries(r.headers).map(([name, header]) => {
    const ref = isRef(header);
    const required = ref || (isObj(header) && !!header.required);
    const type = ref ? ctx.refType(header.$ref) : headerType(header, ctx, childPath(headersPath, name));
    return withDoc(name, type, !required, header);
  });
  const contentPath = childPath(path, "content");
  const content = entries(r.content).map(([contentType, mediaType]) =>
    member(contentType, mediaTypeType(mediaType, ctx, childPath(contentPath, contentType))),
  );
  return objectType([
    member("headers", objectType(headers, { keyName: "name", type: UNKNOWN })),
    content.length > 0 ? member("content", objectType(content)) : member("content", NEVER, true),
  ]);
}

function responsesType(responses: unknown, ctx: EmitContext, path: string): TypeNode {
  const responsesPath = childPath(path, "responses");
  const members = entries(responses).map(([status, response]) => {
    const type = isRef(response)
      ? ctx.refType(response.$ref)
      : responseType(response, ctx, childPath(responsesPath, status));
    return withDoc(status, type, false, response);
  });
  return members.length > 0 ? objectType(members) : NEVER;
}

/** `parameters: { query; header; path; cookie }`; a location is optional when none of its params is required. */
function parametersMember(parameters: unknown[], ctx: EmitContext, path: string): Member {
  const byLocation = new Map<string, Member[]>(LOCATIONS.map((l) => [l, []]));
  let locationsPath: string | undefined;
  for (const original of parameters) {
    const p = isRef(original) ? ctx.resolve(original.$ref) : original;
    if (!isObj(p) || typeof p.in !== "string") continue;
    const members = byLocation.get(p.in);
    if (!members) continue;
    const name = String(p.name);
    const optional = p.in !== "path" && !p.required;
    let type: TypeNode;
    if (isRef(original)) {
      type = ctx.refType(original.$ref, { in: p.in, name });
    } else {
      locationsPath ??= childPath(path, "parameters");
      type = parameterType(p, ctx, childPath(childPath(locationsPath, p.in), name));
    }
    members.push(withDoc(name, type, optional, p));
  }
  const locations = LOCATIONS.map((location) => {
    const members = byLocation.get(location) as Member[];
    const allOptional = members.every((m) => m.optional);
    return member(location, members.length > 0 ? objectType(members) : NEVER, allOptional);
  });
  return member("parameters", objectType(locations));
}

function operationMembers(operation: Obj, parameters: unknown[], ctx: EmitContext, path: string): Member[] {
  const members = [parametersMember(parameters, ctx, path)];
  const body = operation.requestBody;
  if (body) {
    const ref = isRef(body);
    const type = ref ? ctx.refType(body.$ref) : requestBodyType(body, ctx, childPath(path, "requestBody"));
    const target = ref ? ctx.resolve(body.$ref) : body;
    members.push(withDoc("requestBody", type, !(isObj(target) && target.required), body));
  } else {
    members.push(member("requestBody", NEVER, true));
  }
  members.push(member("responses", responsesType(operation.responses, ctx, path)));
  return members;
}

/** Path-level parameters then the operation's, keyed by in+name so that the operation's win in place. */
function mergedParameters(pathItem: Obj, operation: Obj, ctx: EmitContext): unknown[] {
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  const keyed = new Map<string, unknown>();
  for (const p of all) {
    const target = isRef(p) ? ctx.resolve(p.$ref) : p;
    const key = isObj(target) ? `${String(target.in)}-${String(target.name)}` : "undefined-undefined";
    keyed.set(key, p);
  }
  return [...keyed.values()];
}

export function pathItemType(pathItem: unknown, ctx: EmitContext, path: string): TypeNode {
  const item = isObj(pathItem) ? pathItem : {};
  const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
  const members = [parametersMember(pathParameters, ctx, childPath(path, "parameters"))];
  for (const method of METHODS) {
    const operation = item[method];
    if (!isObj(operation)) {
      members.push(member(method, NEVER, true));
      continue;
    }
    const at = childPath(path, method);
    let type: TypeNode;
    if (isRef(operation)) {
      type = ctx.refType(operation.$ref);
    } else if (typeof operation.operationId === "string" && operation.operationId !== "") {
      const id = operation.operationId.replace(/#/g, "/");
      const parameters = mergedParameters(item, operation, ctx);
      ctx.operations.push(member(id, objectType(operationMembers(operation, parameters, ctx, at))));
      type = { kind: "ref", root: "operations", path: [id] };
    } else {
      type = objectType(operationMembers(operation, mergedParameters(item, operation, ctx), ctx, at));
    }
    members.push(withDoc(method, type, false, operation));
  }
  return objectType(members);
}

export function pathsType(paths: unknown, ctx: EmitContext): TypeNode {
  const members: Member[] = [];
  for (const [url, pathItem] of entries(paths)) {
    if (!isObj(pathItem)) continue;
    const type = isRef(pathItem)
      ? ctx.refType(pathItem.$ref)
      : pathItemType(pathItem, ctx, childPath("#/paths", url));
    members.push(withDoc(url, type, false, isRef(pathItem) ? pathItem : undefined));
  }
  return objectType(members);
}

export function webhooksType(webhooks: unknown, ctx: EmitContext): TypeNode {
  return objectType(
    entries(webhooks).map(([name, pathItem]) =>
      member(name, pathItemType(pathItem, ctx, childPath("#/webhooks", name))),
    ),
  );
}

const COMPONENT_TYPES: [string, (item: unknown, ctx: EmitContext, path: string) => TypeNode][] = [
  ["schemas", schemaToType],
  ["responses", responseType],
  ["parameters", parameterType],
  ["requestBodies", requestBodyType],
  ["headers", headerType],
  ["pathItems", pathItemType],
];

export function componentsType(components: unknown, ctx: EmitContext): TypeNode {
  const c = isObj(components) ? components : {};
  return objectType(
    COMPONENT_TYPES.map(([section, toType]) => {
      const base = childPath("#/components", section);
      const members = entries(c[section]).map(([name, item]) =>
        withDoc(name, toType(item, ctx, childPath(base, name)), false, item),
      );
      return member(section, members.length > 0 ? objectType(members) : NEVER);
    }),
  );
}
