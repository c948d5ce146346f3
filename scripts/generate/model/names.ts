// Every name of a package, chosen in one pass over the spec in sorted order: the client class, the schema
// types, the resources and their methods, each operation's function, constant, types and path arguments,
// then the validators (after every function, so adding a validator never renames a function).
import type { HttpMethod, ResourceModel, SchemaAlias, ValidatorModel } from "./codegen-model.ts";
import { NameRegistry, camelCase, pascalCase, safeIdentifier } from "./identifiers.ts";
import { routeShape, segments } from "../../lib/route.ts";
import { singular } from "../../lib/words.ts";
import { isObject } from "../../spec/pointer.ts";
import type { OperationEntry } from "./operation.ts";

type Json = Record<string, unknown>;

interface Shape {
  kind: "collection" | "item" | "action" | "other";
  resource: string;
  action?: string;
  /**
   * The words before the resource that tell same-named resources apart, nearest first: "checkout" for
   * /v1/checkout/sessions, "customer" for /v1/customers/{customer}/sources. Version segments are skipped.
   */
  qualifiers: string[];
}

const VERSION_SEGMENT = /^(?:v\d+(?:\.\d+)*|api|rest)$/i;

function qualifiersOf(path: string, resource: string): string[] {
  const segs = segments(path);
  const at = segs.findIndex((s) => !s.param && s.text === resource);
  const out: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const seg = segs[i] as { text: string; param: boolean };
    if (seg.param || VERSION_SEGMENT.test(seg.text)) continue;
    // A parent collection followed by its item parameter reads as the singular: customer sources.
    out.push(segs[i + 1]?.param ? singular(seg.text) : seg.text);
  }
  return out;
}

/** What a path addresses by REST convention; paths with no clear resource are named by their last word. */
function shapeOf(path: string): Shape {
  const shape = routeShape(path);
  if (shape) return { ...shape, qualifiers: qualifiersOf(path, shape.resource) };
  const statics = segments(path).filter((s) => !s.param);
  const resource = statics[statics.length - 1]?.text ?? "root";
  return { kind: "other", resource, qualifiers: qualifiersOf(path, resource) };
}

/** Identifies a resource: its qualifiers and noun, so /v1/checkout/sessions and /v1/billing_portal/sessions differ. */
function resourceKeyOf(shape: Shape): string {
  return [...shape.qualifiers].reverse().concat(shape.resource).join("/");
}

/**
 * A name per resource: the noun alone where no other resource shares it, otherwise the noun with as many
 * qualifiers as it takes to tell it apart (checkoutSessions, billingPortalSessions). Decided from all
 * resources at once, so a name does not depend on which path came first.
 */
function resourceNames(shapes: Shape[]): Map<string, string> {
  const byKey = new Map(shapes.map((s) => [resourceKeyOf(s), s]));
  const byNoun = new Map<string, Shape[]>();
  for (const shape of byKey.values()) {
    const noun = camelCase(shape.resource);
    byNoun.set(noun, [...(byNoun.get(noun) ?? []), shape]);
  }
  const names = new Map<string, string>();
  for (const group of byNoun.values()) {
    for (const shape of group) {
      let depth = 0;
      const nameAt = (d: Shape, n: number) =>
        [...d.qualifiers.slice(0, n)].reverse().concat(d.resource).join(" ");
      // Qualify until no other resource of the group has the same words (or the qualifiers run out).
      if (group.length > 1) {
        depth = shape.qualifiers.length === 0 ? 0 : 1;
        while (
          depth < shape.qualifiers.length &&
          group.some((o) => o !== shape && nameAt(o, depth) === nameAt(shape, depth))
        )
          depth++;
      }
      names.set(resourceKeyOf(shape), nameAt(shape, depth));
    }
  }
  return names;
}

/** The short method name REST convention gives an operation on its resource. */
function conventionalMethod(method: HttpMethod, shape: Shape): string | undefined {
  if (shape.kind === "collection" && method === "get") return "list";
  if (shape.kind === "collection" && method === "post") return "create";
  if (shape.kind === "item" && method === "get") return "retrieve";
  if (shape.kind === "item" && ["post", "put", "patch"].includes(method)) return "update";
  if (shape.kind === "item" && method === "delete") return "delete";
  if (shape.kind === "action" && method === "post" && shape.action) return camelCase(shape.action);
  return undefined;
}

/** Route-derived operation ids ("PostCustomersCustomer", "get_/v1/x") read worse than convention. */
function looksRouteDerived(id: string): boolean {
  return /^(?:[Gg]et|[Pp]ut|[Pp]ost|[Dd]elete|[Pp]atch|[Hh]ead|[Oo]ptions)(?:[A-Z_/]|$)/.test(id);
}

/** The names of one operation. */
export interface OperationNames {
  operationId: string;
  hasSpecOperationId: boolean;
  functionName: string;
  operationConst: string;
  methodName: string;
  /** The resource the operation is a method of. */
  resource: ResourceModel;
  paramsType: string;
  responseType: string;
  responsesType: string;
  /** The argument of each path template expression, in path order. */
  pathArguments: { name: string; argument: string }[];
  validators: ValidatorModel[];
}

export interface PackageNames {
  clientClassName: string;
  schemas: SchemaAlias[];
  /** Resources in the order they were named; their `operations` are empty for the caller to fill. */
  resources: ResourceModel[];
  /** One per entry, in the entries' order. */
  operations: OperationNames[];
}

/**
 * Names everything. `validatorParts` has, per entry, the parts of the request its validators check (path,
 * query, header, body), in that order.
 */
export function namePackage(
  document: Json,
  entries: OperationEntry[],
  validatorParts: ValidatorModel["part"][][],
  apiName: string,
  reservedExports: string[],
): PackageNames {
  const clientClassName = safeIdentifier(`${apiName} client`, "pascal");
  const typeNames = new NameRegistry([
    ...reservedExports,
    clientClassName,
    "HttpClient",
    "APIError",
    "RequestOptions",
    "ClientOptions",
    "components",
    "paths",
    "operations",
  ]);
  const componentSchemas = isObject((document.components as Json | undefined)?.schemas)
    ? ((document.components as Json).schemas as Json)
    : {};
  const schemas = Object.keys(componentSchemas)
    .sort()
    .map((key) => ({ key, typeName: typeNames.claim(safeIdentifier(key, "pascal")) }));

  // Functions and their operation constants are the module's runtime exports.
  const functions = NameRegistry.forMembers([...reservedExports, clientClassName]);
  const resourcesByKey = new Map<string, ResourceModel>();
  const allShapes = Object.keys(isObject(document.paths) ? document.paths : {}).map(shapeOf);
  const resourceName = resourceNames(allShapes);
  // Properties of the client class beside `http`.
  const resourceRegistry = NameRegistry.forMembers(["http", "options", "client", "baseURL"]);
  const methodRegistries = new Map<string, NameRegistry>();
  const usedIds = new NameRegistry();
  const operations: OperationNames[] = [];

  for (const { path, method, op } of entries) {
    const hasSpecOperationId = typeof op.operationId === "string" && op.operationId !== "";
    const operationId = usedIds.claim(hasSpecOperationId ? String(op.operationId) : `${method} ${path}`);
    const shape = shapeOf(path);
    const resourceKey = resourceKeyOf(shape);
    let resource = resourcesByKey.get(resourceKey);
    if (!resource) {
      const name = resourceName.get(resourceKey) ?? shape.resource;
      const property = resourceRegistry.claim(safeIdentifier(name, "camel"));
      resource = { property, className: typeNames.claim(pascalCase(name)), operations: [] };
      resourcesByKey.set(resourceKey, resource);
      // Methods of a resource class beside its private `client`.
      methodRegistries.set(resourceKey, NameRegistry.forMembers(["client"]));
    }
    const conventional = conventionalMethod(method, shape);
    const fromId = safeIdentifier(hasSpecOperationId ? operationId : `${method} ${path}`, "camel");
    const methodName = (methodRegistries.get(resourceKey) as NameRegistry).claim(conventional ?? fromId, [
      fromId,
    ]);
    const noun = pascalCase(
      shape.kind === "collection" && method === "get" ? shape.resource : singular(shape.resource),
    );
    const readable = conventional ? `${conventional}${noun}` : undefined;
    const preferred =
      hasSpecOperationId && !looksRouteDerived(operationId)
        ? safeIdentifier(operationId, "camel")
        : (readable ?? fromId);
    const functionName = functions.claim(safeIdentifier(preferred, "camel"), [fromId]);
    // Each function has a companion constant describing the request, named in the same scope.
    const operationConst = functions.claim(`${functionName}Operation`);

    const base = pascalCase(functionName);
    const paramsType = typeNames.claim(`${base}Params`);
    const responseType = typeNames.claim(`${base}Response`);
    const responsesType = typeNames.claim(`${base}Responses`);
    // The function's own parameters and the locals its body declares.
    const argNames = new NameRegistry(["client", "params", "options", "query", "headers", "body"]);
    const pathArguments = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
      name: m[1] as string,
      argument: argNames.claim(safeIdentifier(m[1] as string, "camel")),
    }));
    operations.push({
      operationId,
      hasSpecOperationId,
      functionName,
      operationConst,
      methodName,
      resource,
      paramsType,
      responseType,
      responsesType,
      pathArguments,
      validators: [],
    });
  }
  // Validator names are claimed after every function's, so adding validators never renames a function.
  const suffix = { path: "Path", query: "Query", header: "Headers", body: "Body" };
  operations.forEach((names, i) => {
    const base = pascalCase(names.functionName);
    names.validators = (validatorParts[i] ?? []).map((part) => ({
      part,
      name: functions.claim(`validate${base}${suffix[part]}`),
    }));
  });
  return { clientClassName, schemas, resources: [...resourcesByKey.values()], operations };
}
