// Builds the codegen model from an OpenAPI 3.1 document (already loaded, bundled and upgraded). All names
// are chosen here, in one pass over the spec in sorted order.
import type {
  CodegenModel,
  HttpMethod,
  OperationModel,
  PaginationModel,
  ParameterModel,
  ResourceModel,
  SecuritySchemeModel,
  ValidatorModel,
} from "./codegen-model.ts";
import { NameRegistry, camelCase, pascalCase, safeIdentifier } from "./identifiers.ts";
import { routeShape, segments } from "../../lib/route.ts";
import { singular } from "../../lib/words.ts";
import { derefObject, escapeSegment, isObject } from "../../spec/pointer.ts";
import { operationExample } from "./examples.ts";
import { allServers, defaultServers } from "./servers.ts";
import { isFormType, isJSONType } from "../../../templates/runtime/body.ts";
import { CLIENT_OPTION_NAMES } from "../../../templates/runtime/client.ts";

type Json = Record<string, unknown>;

/** Methods the client can send: the Fetch standard forbids TRACE (the loader warns about such operations). */
const METHODS: HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch"];
const MEDIA_PREFERENCE = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];

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

function pickMedia(content: unknown): string | undefined {
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

/**
 * Bodies the client checks before sending: those the runtime encodes as JSON or as a form (the same
 * test). Multipart and raw bodies carry Blobs and streams where their schemas say `type: string, format:
 * binary`, which no value check can confirm; they are sent unchecked.
 */
function isCheckedBody(mediaType: string): boolean {
  return isJSONType(mediaType) || isFormType(mediaType);
}

/** The validators of an operation, named after its function: validateCreateSessionBody, ...Query. */
function validatorsOf(
  functions: NameRegistry,
  base: string,
  op: Pick<OperationModel, "parameters" | "body">,
): ValidatorModel[] {
  const parts: ValidatorModel["part"][] = [];
  for (const part of ["path", "query", "header"] as const) {
    if (op.parameters.some((p) => p.in === part && p.schema !== undefined)) parts.push(part);
  }
  if (op.body?.schema !== undefined && isCheckedBody(op.body.mediaType)) parts.push("body");
  const suffix = { path: "Path", query: "Query", header: "Headers", body: "Body" };
  return parts.map((part) => ({ part, name: functions.claim(`validate${base}${suffix[part]}`) }));
}

function parametersOf(document: Json, pathItem: Json, op: Json): ParameterModel[] {
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

function successSchema(document: Json, op: Json, statuses: string[]): Json | undefined {
  const responses = isObject(op.responses) ? op.responses : {};
  for (const status of statuses) {
    const response = derefObject(document, responses[status]);
    const content = isObject(response?.content) ? response.content : undefined;
    const media = pickMedia(content);
    const schema =
      media && content ? derefObject(document, (content[media] as Json | undefined)?.schema) : undefined;
    if (schema) return schema;
  }
  return undefined;
}

function detectPagination(
  document: Json,
  op: Json,
  statuses: string[],
  params: ParameterModel[],
): PaginationModel | undefined {
  const schema = successSchema(document, op, statuses);
  const properties = isObject(schema?.properties) ? (schema.properties as Json) : undefined;
  if (!properties) return undefined;
  const query = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  const arrayField = Object.keys(properties).find(
    (k) => derefObject(document, properties[k])?.type === "array",
  );
  if (properties.data && properties.has_more && query.has("starting_after")) {
    return { kind: "stripe", itemsField: "data", cursorParam: "starting_after" };
  }
  for (const [field, param] of [
    ["next_cursor", "cursor"],
    ["nextCursor", "cursor"],
    ["next_page_token", "page_token"],
    ["nextPageToken", "pageToken"],
  ] as const) {
    if (properties[field] && query.has(param) && arrayField)
      return { kind: "cursor", itemsField: arrayField, cursorField: field, cursorParam: param };
  }
  if (properties.next && arrayField && derefObject(document, properties.next)?.type !== "object") {
    return { kind: "nextLink", itemsField: arrayField, linkField: "next" };
  }
  return undefined;
}

function securityOf(op: Json, document: Json): string[][] {
  const requirements = (op.security ?? document.security ?? []) as Json[];
  return requirements.map((r) => Object.keys(r).sort());
}

function buildSecuritySchemes(document: Json, envPrefix: string): SecuritySchemeModel[] {
  const schemes = isObject((document.components as Json | undefined)?.securitySchemes)
    ? ((document.components as Json).securitySchemes as Json)
    : {};
  // The constructor's options object: the runtime's own options and Object.prototype's names are taken.
  const options = NameRegistry.forMembers(CLIENT_OPTION_NAMES);
  const out: SecuritySchemeModel[] = [];
  for (const key of Object.keys(schemes).sort()) {
    const s = derefObject(document, schemes[key]);
    if (!s) continue;
    let kind: SecuritySchemeModel["kind"] | undefined;
    if (s.type === "http" && String(s.scheme).toLowerCase() === "basic") kind = "basic";
    else if (s.type === "http" && String(s.scheme).toLowerCase() === "bearer") kind = "bearer";
    else if (s.type === "oauth2" || s.type === "openIdConnect") kind = "bearer";
    else if (s.type === "apiKey" && ["header", "query", "cookie"].includes(String(s.in))) kind = "apiKey";
    if (!kind) continue;
    const first = out.length === 0;
    const option = options.claim(first ? "apiKey" : safeIdentifier(key, "camel"), [
      safeIdentifier(`${key} token`, "camel"),
    ]);
    const model: SecuritySchemeModel = {
      key,
      kind,
      option,
      envVar: `${envPrefix}_${option.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase()}`,
    };
    if (kind === "apiKey") {
      model.in = s.in as SecuritySchemeModel["in"];
      model.name = String(s.name);
    }
    if (typeof s.description === "string") model.description = s.description;
    out.push(model);
  }
  return out;
}

export interface ModelInput {
  document: Json;
  packageName: string;
  specName: string;
  specHash: string;
  /** Names the package exports besides the spec's (the runtime's), which spec names must not take. */
  reservedExports?: string[];
}

export function buildModel({
  document,
  packageName,
  specName,
  specHash,
  reservedExports = [],
}: ModelInput): CodegenModel {
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === "string" ? info.title : packageName;
  const apiName = title.replace(/\bAPI\b/gi, "").trim() || packageName.replace(/^@[^/]+\//, "");
  // Environment variables are named after the API, as users would name them: STRIPE_IDENTITY_API_KEY.
  const envPrefix = pascalCase(apiName)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase();
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
  const resourcesByName = new Map<string, ResourceModel>();
  const allShapes = Object.keys(isObject(document.paths) ? document.paths : {}).map(shapeOf);
  const resourceName = resourceNames(allShapes);
  // Properties of the client class beside `http`.
  const resourceRegistry = NameRegistry.forMembers(["http", "options", "client", "baseURL"]);
  const methodRegistries = new Map<string, NameRegistry>();
  const operations: OperationModel[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  const usedIds = new NameRegistry();

  for (const path of Object.keys(paths).sort()) {
    const pathItem = derefObject(document, paths[path]) ?? {};
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const hasSpecOperationId = typeof op.operationId === "string" && op.operationId !== "";
      const operationId = usedIds.claim(hasSpecOperationId ? String(op.operationId) : `${method} ${path}`);
      const shape = shapeOf(path);
      const parameters = parametersOf(document, pathItem, op);
      const responses = isObject(op.responses) ? op.responses : {};
      const responseModels = Object.keys(responses)
        .sort()
        .map((status) => {
          const r = derefObject(document, responses[status]);
          const media = pickMedia(r?.content);
          return media ? { status, mediaType: media } : { status };
        });
      let successStatuses = responseModels.filter((r) => /^2(\d\d|XX)$/i.test(r.status)).map((r) => r.status);
      if (successStatuses.length === 0 && responseModels.some((r) => r.status === "default"))
        successStatuses = ["default"];

      const resourceKey = resourceKeyOf(shape);
      let resource = resourcesByName.get(resourceKey);
      if (!resource) {
        const name = resourceName.get(resourceKey) ?? shape.resource;
        const property = resourceRegistry.claim(safeIdentifier(name, "camel"));
        resource = { property, className: typeNames.claim(pascalCase(name)), operations: [] };
        resourcesByName.set(resourceKey, resource);
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
      const declaredPath = new Set(parameters.filter((p) => p.in === "path").map((p) => p.name));
      const pathArguments = [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
        name: m[1] as string,
        argument: argNames.claim(safeIdentifier(m[1] as string, "camel")),
        // A template name the spec forgot to declare has no type in openapi-typescript's output.
        declared: declaredPath.has(m[1] as string),
      }));
      const requestBody = derefObject(document, op.requestBody);
      const mediaType = pickMedia(requestBody?.content);
      const model: OperationModel = {
        operationId,
        hasSpecOperationId,
        method,
        path,
        deprecated: op.deprecated === true,
        functionName,
        operationConst,
        methodName,
        resource: resource.property,
        paramsType,
        responseType,
        responsesType,
        pathArguments,
        parameters,
        responses: responseModels,
        successStatuses,
        security: securityOf(op, document),
        validators: [],
      };
      if (typeof op.summary === "string") model.summary = op.summary;
      if (typeof op.description === "string") model.description = op.description;
      if (mediaType) {
        const content = requestBody?.content as Json;
        const schema = derefObject(document, (content[mediaType] as Json | undefined)?.schema);
        const isObj =
          schema?.type === "object" ||
          isObject(schema?.properties) ||
          (Array.isArray(schema?.type) && schema.type.includes("object"));
        model.body = {
          mediaType,
          required: requestBody?.required === true,
          isObject: Boolean(isObj),
          hasRequiredProperties: Array.isArray(schema?.required) && schema.required.length > 0,
          schemaPointer: ["", "paths", path, method, "requestBody", "content", mediaType, "schema"]
            .map(escapeSegment)
            .join("/"),
        };
        const rawSchema = (content[mediaType] as Json | undefined)?.schema;
        if (rawSchema !== undefined) model.body.schema = rawSchema;
      }
      const rawParameters = [op.parameters, pathItem.parameters].flatMap((list) =>
        Array.isArray(list) ? (list as unknown[]) : [],
      );
      model.example = operationExample(
        document,
        rawParameters,
        pathArguments.map((a) => a.name),
        model.body
          ? {
              content: requestBody?.content as Json,
              mediaType: model.body.mediaType,
              isObject: model.body.isObject,
            }
          : undefined,
      );
      const idem = parameters.find((p) => p.in === "header" && p.name.toLowerCase() === "idempotency-key");
      if (idem) model.idempotencyHeader = idem.name;
      const pagination =
        method === "get" ? detectPagination(document, op, successStatuses, parameters) : undefined;
      if (pagination) model.pagination = pagination;
      resource.operations.push(model);
      operations.push(model);
    }
  }

  // Validator names are claimed after every function's, so adding validators never renames a function.
  for (const op of operations) op.validators = validatorsOf(functions, pascalCase(op.functionName), op);

  const model: CodegenModel = {
    title,
    envPrefix,
    version: typeof info.version === "string" ? info.version : "0.0.0",
    packageName,
    specName,
    specHash,
    servers: defaultServers(document),
    apiServers: allServers(document, METHODS),
    clientClassName,
    securitySchemes: buildSecuritySchemes(document, envPrefix),
    schemas,
    resources: [...resourcesByName.values()].sort((a, b) => (a.property < b.property ? -1 : 1)),
    operations,
  };
  if (typeof info.description === "string") model.description = info.description;
  return model;
}
