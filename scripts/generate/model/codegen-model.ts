// The codegen model: everything the templates need, decided once from the spec. Templates read nothing else;
// every identifier in it was chosen up front through a NameRegistry, so output never depends on the order
// in which templates run.

import type { OperationExample } from "./examples.ts";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export interface ParameterModel {
  /** Name on the wire ("Idempotency-Key", "created"). */
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  style?: "form" | "deepObject" | "spaceDelimited" | "pipeDelimited" | "simple";
  explode?: boolean;
  /** The parameter's schema as it is in the document (from `content` when the spec uses that). */
  schema?: unknown;
}

export interface BodyModel {
  mediaType: string;
  required: boolean;
  /** An object body's properties travel in the params object; any other body goes as `params.body`. */
  isObject: boolean;
  /** The body schema lists required properties, so the params object cannot be omitted. */
  hasRequiredProperties: boolean;
  /** The body's schema as it is in the document ($refs unresolved), and where it is. */
  schema?: unknown;
  schemaPointer: string;
  /** A body that is bytes (a binary media type, not an object): it takes Uploadable values. */
  binary?: boolean;
  /** The object body's binary properties (`format: binary`, arrays of them): they take Uploadable values. */
  binaryFields?: string[];
}

/**
 * One exported request validator: a part of the request (the path arguments, the query or header
 * parameters as one object, or the body) checked against the spec before the client sends it.
 */
export interface ValidatorModel {
  /** Exported function name: "validateCreateVerificationSessionBody". */
  name: string;
  part: "path" | "query" | "header" | "body";
  /**
   * The schema the validator checks: the body's schema as it is in the document, or the part's parameters
   * as one object schema (`{ type: "object", properties: { limit: {...} }, required: [...] }`). Its $refs
   * point into the model's `document`.
   */
  schema: unknown;
  /** Where the schema is in the document (a JSON Pointer), for the compiler's warnings. */
  pointer: string;
  /** A form-encoded body: its errors also carry the field's name on the wire. */
  form: boolean;
}

export interface ResponseModel {
  /** "200", "4XX", "default". */
  status: string;
  /** The media type of the body, when the response has one. */
  mediaType?: string;
  /**
   * How the client reads that body: JSON; text (a string); binary (handed over unread: stream, Blob,
   * ArrayBuffer); sse (a stream of events).
   */
  kind?: ResponseKind;
  /** For sse: how each event's data is read (text where the schema is a string, JSON otherwise). */
  eventData?: "json" | "text" | "auto";
  /** The key under components.schemas when the body's schema is a plain `$ref` to one ("error"). */
  schemaKey?: string;
}

export type ResponseKind = "json" | "text" | "binary" | "sse";

/** How a list operation pages; `itemsField` "" means the body itself is the array of items. */
export type PaginationModel =
  | { kind: "stripe"; itemsField: "data"; cursorParam: string }
  | { kind: "cursor"; itemsField: string; cursorField: string; cursorParam: string; hasMoreField?: string }
  | { kind: "nextLink"; itemsField: string; linkField: string }
  | { kind: "linkHeader"; itemsField: string }
  | {
      kind: "pageNumber";
      itemsField: string;
      pageParam: string;
      sizeParam?: string;
      totalPagesField?: string;
    }
  | { kind: "offset"; itemsField: string; offsetParam: string; limitParam?: string; totalField?: string };

export interface OperationModel {
  /** The spec's operationId (or one derived from method and path), the key in openapi-typescript's `operations`. */
  operationId: string;
  /** Whether `operationId` is the spec's own (openapi-typescript indexes `operations` by it only then). */
  hasSpecOperationId: boolean;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Standalone, tree-shakeable function name: "createVerificationSession". */
  functionName: string;
  /** The exported constant that describes the request to the runtime: "createVerificationSessionOperation". */
  operationConst: string;
  /** Method name on its resource: "create". */
  methodName: string;
  /** The resource's path from the client: "identity.verificationSessions". */
  resource: string;
  /** Exported type names: "UpdateSessionParams", "UpdateSessionResponse" (the success bodies). */
  paramsType: string;
  responseType: string;
  /** Every documented response body by status: "UpdateSessionResponses" ({ 200: Session; 404: Error }). */
  responsesType: string;
  /** Positional arguments for path parameters, in path order: { name: "session_id", argument: "sessionId" }. */
  pathArguments: { name: string; argument: string; declared: boolean }[];
  parameters: ParameterModel[];
  body?: BodyModel;
  responses: ResponseModel[];
  /** The success statuses whose bodies the method returns. */
  successStatuses: string[];
  /** The error statuses the spec documents: "404", "4XX", "default" (see errorStatusesOf). */
  errorStatuses: string[];
  /**
   * Where `errorStatuses` is not empty: the exported type of its documented errors
   * ("CreateCustomerError") and the guard that narrows to it ("isCreateCustomerError").
   */
  errorType?: string;
  errorGuard?: string;
  pagination?: PaginationModel;
  /** Header the client fills with a fresh key so retried writes are safe. */
  idempotencyHeader?: string;
  /**
   * The operation's own server (its `servers`, else its path item's; variables at their defaults): its
   * base URL instead of the document's.
   */
  server?: string;
  /** Arguments for the README's example call, from the spec's examples or its schemas. */
  example?: OperationExample;
  /** Alternatives of scheme keys (OpenAPI security requirement objects); [] means none needed. */
  security: string[][];
  /** The request validators, in the order the client runs them: path, query, header, body. */
  validators: ValidatorModel[];
}

export interface SecuritySchemeModel {
  /** Key under components.securitySchemes. */
  key: string;
  kind: "basic" | "bearer" | "apiKey";
  in?: "header" | "query" | "cookie";
  /** Header, query or cookie name for API keys. */
  name?: string;
  /** Constructor option that carries the credential ("apiKey", "bearerToken"). */
  option: string;
  /** Environment variable read when the option is not given ("VERIFA_API_KEY"). */
  envVar: string;
  description?: string;
}

export interface ResourceModel {
  /** Property on its parent (the client or a namespace): "verificationSessions". */
  property: string;
  /** Where it is from the client: "identity.verificationSessions". */
  path: string;
  /** Class name: "IdentityVerificationSessions". */
  className: string;
  operations: OperationModel[];
  /** The resources under it: `client.identity` holds `verificationSessions`. */
  children: ResourceModel[];
}

export interface SchemaAlias {
  /** Key under components.schemas. */
  key: string;
  /** Exported type name. */
  typeName: string;
}

/**
 * The loaded spec (OpenAPI 3.1, bundled: every $ref points inside it), as data for the two compilers that
 * need all of it: the types (src/openapi.ts mirrors paths, webhooks and components) and the validators
 * (whose schemas' $refs resolve in it). Templates hand it to those compilers and read nothing else of it;
 * every decision about the spec is a field of the model.
 */
export type SpecDocument = Readonly<Record<string, unknown>>;

export interface CodegenModel {
  title: string;
  description?: string;
  version: string;
  packageName: string;
  /** The spec file name and hash for the header of every generated file. */
  specName: string;
  specHash: string;
  /** The document's servers, variables filled with their defaults; the first is the default base URL. */
  servers: string[];
  /**
   * Every server the spec declares (document, path items, operations), variables expanded with their
   * defaults and enums: the runtime sends credentials only to these origins and the base URL's.
   */
  apiServers: string[];
  clientClassName: string;
  /** Prefix of the environment variables the client reads: "VERIFA" for VERIFA_API_KEY, VERIFA_BASE_URL. */
  envPrefix: string;
  /** The environment variable the client reads its base URL from when `baseURL` is not given. */
  baseURLEnvVar: string;
  securitySchemes: SecuritySchemeModel[];
  /**
   * The header the API reads an idempotency key from on every write, where the spec does not declare it
   * (api.yaml `idempotency.header`): the client then sends a key with each POST and PATCH and retries them.
   */
  idempotencyHeader?: string;
  schemas: SchemaAlias[];
  /**
   * Where some operation documents an error body (JSON or text): the package's error class, which
   * `instanceof` narrows to with `body` typed as the union of the spec's error bodies ("StripeError"), and
   * that union's type name ("StripeErrorBody").
   */
  errorClass?: { className: string; bodyType: string };
  /** Every resource, namespaces included, sorted by path; the client holds those without a dot. */
  resources: ResourceModel[];
  operations: OperationModel[];
  document: SpecDocument;
}
