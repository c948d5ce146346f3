// Builds the codegen model from an OpenAPI 3.1 document (already loaded, bundled and upgraded): the facts of
// each operation (operation.ts, body.ts, responses.ts, pagination.ts), then every name in one pass
// (names.ts), then the model that joins them.
import type { CodegenModel, OperationModel } from "./codegen-model.ts";
import { pascalCase } from "./identifiers.ts";
import { isObject } from "../../spec/pointer.ts";
import { operationExample } from "./examples.ts";
import { allServers, defaultServers, operationServer } from "./servers.ts";
import {
  METHODS,
  idempotencyHeaderOf,
  operationEntries,
  parametersOf,
  securityOf,
  type OperationEntry,
} from "./operation.ts";
import { bodyContent, bodyOf } from "./body.ts";
import { validatorOf, validatorParts } from "./validators.ts";
import { errorStatusesOf, responsesOf, successSchema, successStatusesOf } from "./responses.ts";
import { detectPagination } from "./pagination.ts";
import { namePackage, namingFacts } from "./names.ts";
import { buildSecuritySchemes, type EnvOverrides } from "./security.ts";

type Json = Record<string, unknown>;

export interface ModelInput {
  document: Json;
  packageName: string;
  specName: string;
  specHash: string;
  /** Names the package exports besides the spec's (the runtime's), which spec names must not take. */
  reservedExports?: string[];
  /** The longest name the naming rules may produce (names.ts's MAX_NAME by default). */
  maxNameLength?: number;
  /** Environment variable names set by hand (api.yaml `env:`, `--env-prefix`). */
  env?: EnvOverrides;
}

/** An operation's model without its names. */
type OperationFacts = Omit<
  OperationModel,
  | "operationId"
  | "hasSpecOperationId"
  | "functionName"
  | "operationConst"
  | "methodName"
  | "resource"
  | "paramsType"
  | "responseType"
  | "responsesType"
  | "pathArguments"
  | "validators"
  | "errorType"
  | "errorGuard"
>;

function operationFacts(document: Json, { path, method, pathItem, op }: OperationEntry): OperationFacts {
  const parameters = parametersOf(document, pathItem, op);
  const responses = responsesOf(document, op);
  const successStatuses = successStatusesOf(responses);
  const facts: OperationFacts = {
    method,
    path,
    deprecated: op.deprecated === true,
    parameters,
    responses,
    successStatuses,
    errorStatuses: errorStatusesOf(responses, successStatuses),
    security: securityOf(op, document),
  };
  const server = operationServer(pathItem, op);
  if (server !== undefined) facts.server = server;
  if (typeof op.summary === "string") facts.summary = op.summary;
  if (typeof op.description === "string") facts.description = op.description;
  const body = bodyOf(document, path, method, op);
  if (body) facts.body = body;
  const rawParameters = [op.parameters, pathItem.parameters].flatMap((list) =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  facts.example = operationExample(
    document,
    rawParameters,
    [...path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1] as string),
    body
      ? { content: bodyContent(document, op), mediaType: body.mediaType, isObject: body.isObject }
      : undefined,
  );
  const idempotencyHeader = idempotencyHeaderOf(parameters);
  if (idempotencyHeader) facts.idempotencyHeader = idempotencyHeader;
  const pagination =
    method === "get" ? detectPagination(document, op, successStatuses, parameters) : undefined;
  if (pagination) facts.pagination = pagination;
  return facts;
}

/**
 * The prefix of the environment variables the client reads, as users write them: the API server's own
 * name where the title starts with it (api.openai.com and "OpenAI" give OPENAI_API_KEY, not OPEN_AI;
 * api.stripe.com and "Stripe Identity" give STRIPE_API_KEY, the key being Stripe's), else the title
 * (devapi.withverifa.com and "Verifa" give VERIFA_API_KEY).
 */
export function envPrefixOf(apiName: string, server: string | undefined): string {
  const fromTitle = pascalCase(apiName)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase();
  let host = "";
  try {
    host = server ? new URL(server).hostname : "";
  } catch {
    // A relative or templated server names no host.
  }
  // The name before the top-level domain: "stripe" of api.stripe.com.
  const name = host.split(".").slice(-2, -1)[0] ?? "";
  const joined = apiName.toLowerCase().replace(/[^a-z0-9]/g, "");
  return /^[a-z][a-z0-9]*$/.test(name) && joined.startsWith(name) ? name.toUpperCase() : fromTitle;
}

export function buildModel({
  document,
  packageName,
  specName,
  specHash,
  reservedExports = [],
  maxNameLength,
  env = {},
}: ModelInput): CodegenModel {
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === "string" ? info.title : packageName;
  const apiName = title.replace(/\bAPI\b/gi, "").trim() || packageName.replace(/^@[^/]+\//, "");
  const envPrefix = env.prefix ?? envPrefixOf(apiName, defaultServers(document)[0]);

  const entries = operationEntries(document);
  const facts = entries.map((entry) => operationFacts(document, entry));
  const naming = facts.map((f, i) =>
    namingFacts(f, successSchema(document, (entries[i] as OperationEntry).op, f.successStatuses)),
  );
  const names = namePackage(
    document,
    entries,
    naming,
    facts.map(validatorParts),
    apiName,
    reservedExports,
    maxNameLength,
    facts.map((f) => ({
      documented: f.errorStatuses.length > 0,
      typed: f.responses.some((r) => r.mediaType !== undefined && f.errorStatuses.includes(r.status)),
    })),
  );
  const operations = facts.map((f, i): OperationModel => {
    const { resource, pathArguments, validators, ...opNames } = names.operations[
      i
    ] as (typeof names.operations)[number];
    const declaredPath = new Set(f.parameters.filter((p) => p.in === "path").map((p) => p.name));
    const model: OperationModel = {
      ...opNames,
      ...f,
      resource: resource.path,
      validators: validators.map((v) => validatorOf(f, v)),
      // A template name the spec forgot to declare has no type in openapi-typescript's output.
      pathArguments: pathArguments.map((a) => ({ ...a, declared: declaredPath.has(a.name) })),
    };
    resource.operations.push(model);
    return model;
  });

  const model: CodegenModel = {
    title,
    envPrefix,
    baseURLEnvVar: env.baseURL ?? `${envPrefix}_BASE_URL`,
    version: typeof info.version === "string" ? info.version : "0.0.0",
    packageName,
    specName,
    specHash,
    servers: defaultServers(document),
    apiServers: allServers(document, METHODS),
    clientClassName: names.clientClassName,
    securitySchemes: buildSecuritySchemes(document, envPrefix, env),
    schemas: names.schemas,
    ...(names.errorClass ? { errorClass: names.errorClass } : {}),
    resources: [...names.resources].sort((a, b) => (a.path < b.path ? -1 : 1)),
    operations,
    document,
  };
  if (typeof info.description === "string") model.description = info.description;
  return model;
}
