// Errors thrown by the client. Every error is an APIError so one `instanceof` catches them all; the
// subclass says what happened. Errors hold only what came back from the server (status, parsed body,
// response headers): never the request headers or the request URL, which carry credentials. A server may
// still echo a credential (a 401 quoting the key it refused): the request's credentials are masked in the
// message and stack when the error is made, and in what toJSON and util.inspect show of every field;
// `body` and `headers` keep what the server sent (see redact.ts).
import { INSPECT, maskText, maskValue, type InspectFunction } from "./redact.js";
import { wireName, type ValidationError } from "./validation.js";

/** Response headers that may carry a session credential; dropped from errors. */
const SECRET_RESPONSE_HEADERS = new Set(["set-cookie", "set-cookie2"]);

/** The longest message taken from a body; HTML error pages would otherwise flood logs. */
const MAX_MESSAGE_LENGTH = 500;

type HeaderSource = Headers | Record<string, string> | undefined;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

/** Response headers as a record, lower-cased, without the ones that set a session credential. */
export function headerRecord(headers: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries: Iterable<[string, string]> =
    typeof (headers as Headers).forEach === "function" && typeof (headers as Headers).get === "function"
      ? collect(headers as Headers)
      : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (!SECRET_RESPONSE_HEADERS.has(key)) out[key] = value;
  }
  return out;
}

function collect(headers: Headers): [string, string][] {
  const entries: [string, string][] = [];
  headers.forEach((value, name) => entries.push([name, value]));
  return entries;
}

/** The request id servers echo back, for support tickets. */
export function requestIdFrom(headers: HeaderSource): string | undefined {
  const record = headerRecord(headers);
  return record["request-id"] ?? record["x-request-id"];
}

/** FastAPI-style `detail: [{loc, msg}]` validation lists, summarised to one line. */
function detailText(detail: unknown): string | undefined {
  if (typeof detail === "string") return nonEmptyString(detail);
  if (!Array.isArray(detail)) return undefined;
  const parts = detail
    .map((d) => (isRecord(d) ? (nonEmptyString(d.msg) ?? nonEmptyString(d.message)) : nonEmptyString(d)))
    .filter((d): d is string => d !== undefined);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

interface BodyFacts {
  message?: string | undefined;
  code?: string | undefined;
  type?: string | undefined;
}

/**
 * Reads the common error body shapes: Stripe `{error: {message, code, type}}`, `{error: "text"}`,
 * `{message}`, `{detail}`, RFC 9457 problem details `{title, detail}`, OAuth `{error_description}`, and
 * plain text.
 */
export function errorFacts(body: unknown): BodyFacts {
  if (typeof body === "string") {
    const text = nonEmptyString(body);
    return text ? { message: truncate(text) } : {};
  }
  if (!isRecord(body)) return {};
  const facts: BodyFacts = {};
  const nested = isRecord(body.error) ? body.error : undefined;
  if (nested) {
    facts.message = nonEmptyString(nested.message);
    facts.code = nonEmptyString(nested.code) ?? nonEmptyString(nested.decline_code);
    facts.type = nonEmptyString(nested.type);
  }
  facts.message ??=
    nonEmptyString(body.message) ??
    nonEmptyString(body.error_description) ??
    (nonEmptyString(body.title) && detailText(body.detail)
      ? `${nonEmptyString(body.title)}: ${detailText(body.detail)}`
      : undefined) ??
    detailText(body.detail) ??
    nonEmptyString(body.title) ??
    nonEmptyString(body.error);
  facts.code ??= nonEmptyString(body.code) ?? (typeof body.code === "number" ? String(body.code) : undefined);
  facts.type ??= nonEmptyString(body.type);
  if (facts.message) facts.message = truncate(facts.message);
  return facts;
}

/** What an error is made with besides its status, body and headers. */
export interface APIErrorOptions {
  cause?: unknown;
  /** Spellings of the request's credentials, masked in the message, stack and printed fields. */
  secrets?: readonly string[];
}

/**
 * Every error the client throws. `TBody` is the body's type where the spec documents it (the generated
 * `...Error` types and guards give it); `instanceof APIError` gives `unknown`, not `any`.
 */
export class APIError<TBody = unknown> extends Error {
  // Names live on the prototype, not as instance fields: the stack header then shows the subclass, and
  // `name` is not an own enumerable property repeated in every log line.
  static {
    this.prototype.name = "APIError";
  }
  /** HTTP status; undefined when no response arrived (connection errors, aborts). */
  readonly status: number | undefined;
  /** Machine-readable error code from the body (Stripe `error.code`, or a top-level `code`). */
  declare readonly code?: string;
  /** Error category from the body (Stripe `error.type`, problem-details `type`). */
  declare readonly type?: string;
  /** The server's request id (`request-id` or `x-request-id` response header). */
  declare readonly requestId?: string;
  /** The parsed response body: JSON value, text, or undefined. */
  readonly body: TBody;
  /** Response headers, lower-cased (never request headers; `set-cookie` dropped). */
  readonly headers: Record<string, string>;
  /** A private field: util.inspect and JSON.stringify do not show it. */
  readonly #secrets: readonly string[];

  constructor(
    status: number | undefined,
    body: TBody,
    headers: HeaderSource,
    message?: string,
    options: APIErrorOptions = {},
  ) {
    const secrets = options.secrets ?? [];
    const facts = errorFacts(body);
    // Masked before super(): the stack is written from the message there.
    super(
      maskText(message ?? APIError.makeMessage(status, facts.message), secrets),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.#secrets = secrets;
    this.status = status;
    this.body = body;
    this.headers = headerRecord(headers);
    // Optional facts are assigned only when present so they do not show up as `undefined` in logs.
    if (facts.code !== undefined) this.code = maskText(facts.code, secrets);
    if (facts.type !== undefined) this.type = maskText(facts.type, secrets);
    const requestId = requestIdFrom(this.headers);
    if (requestId !== undefined) this.requestId = maskText(requestId, secrets);
  }

  /**
   * `err instanceof APIError` (or a subclass) as the default check does, typed so that the body of what
   * it narrows to is `unknown`: without this, TypeScript narrows to `APIError<any>`.
   */
  static override [Symbol.hasInstance]<C extends abstract new (...args: never[]) => unknown>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }

  private static makeMessage(status: number | undefined, bodyMessage: string | undefined): string {
    if (status === undefined) return bodyMessage ?? "Request failed";
    return bodyMessage ? `${status} ${bodyMessage}` : `${status} status code (no body)`;
  }

  /** The error for a non-2xx response, its class chosen by status. */
  static from(status: number, body: unknown, headers: HeaderSource, secrets?: readonly string[]): APIError {
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(status, body, headers, undefined, secrets ? { secrets } : {});
  }

  /** What JSON.stringify and loggers see: only response-side facts, credentials masked. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message, status: this.status };
    if (this.code !== undefined) json.code = this.code;
    if (this.type !== undefined) json.type = this.type;
    if (this.requestId !== undefined) json.requestId = this.requestId;
    if (this.body !== undefined) json.body = maskValue(this.body, this.#secrets);
    return json;
  }

  /**
   * What util.inspect (console.log in Node) shows: the stack and every own field as usual, with the
   * credentials masked in the fields (`body`, `headers`, a subclass's `errors`).
   */
  [INSPECT](_depth: number, options: unknown, inspect: InspectFunction): unknown {
    if (this.#secrets.length === 0) return this;
    // A real Error on this class's prototype prints as this one does (`AuthenticationError: ...`); its own
    // undefined custom-inspect property keeps util.inspect from calling this method again.
    const view = new Error(this.message);
    Object.setPrototypeOf(view, Object.getPrototypeOf(this) as object);
    Object.defineProperty(view, INSPECT, { value: undefined, enumerable: false, configurable: true });
    view.stack = this.stack ?? `${this.name}: ${this.message}`;
    for (const key of Object.keys(this)) {
      const field = maskValue((this as Record<string, unknown>)[key], this.#secrets);
      Object.defineProperty(view, key, {
        value: field,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    if (this.cause !== undefined) {
      Object.defineProperty(view, "cause", { value: this.cause, enumerable: false, configurable: true });
    }
    return inspect(view, options);
  }
}

export class BadRequestError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "BadRequestError";
  }
}
export class AuthenticationError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "AuthenticationError";
  }
}
export class PermissionDeniedError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "PermissionDeniedError";
  }
}
export class NotFoundError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "NotFoundError";
  }
}
export class ConflictError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "ConflictError";
  }
}
export class UnprocessableEntityError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "UnprocessableEntityError";
  }
}
export class RateLimitError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "RateLimitError";
  }
}
export class InternalServerError<TBody = unknown> extends APIError<TBody> {
  static {
    this.prototype.name = "InternalServerError";
  }
}

type APIErrorClass = new (
  status: number,
  body: unknown,
  headers: HeaderSource,
  message?: string,
  options?: APIErrorOptions,
) => APIError;

function errorClassFor(status: number): APIErrorClass {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? InternalServerError : APIError;
  }
}

/**
 * The error responses an operation's spec documents: the status ("404", "4XX", "default") and how its
 * body is documented (JSON, text, or without content).
 */
export type DocumentedErrors = readonly (readonly [status: string, body: "json" | "text" | "none"])[];

/**
 * Per error documented by its spec: the operation it came from (set by the client as it throws it), and
 * whether the spec gives its body (JSON or text) rather than only its status.
 */
const documented = new WeakMap<APIError, { operation: object; typedBody: boolean }>();

/** The documented response a status falls under: its own, else its range's ("4XX"), else "default". */
function documentedBody(status: number, errors: DocumentedErrors): DocumentedErrors[number][1] | undefined {
  const byStatus = new Map(errors.map(([key, body]) => [key.toUpperCase(), body]));
  const code = String(status);
  return byStatus.get(code) ?? byStatus.get(`${code.charAt(0)}XX`) ?? byStatus.get("DEFAULT");
}

/**
 * Marks an error response thrown by `operation` as documented when its status is one the spec lists and
 * its body is what the spec says (JSON that parsed, or text): only then do the generated guards and the
 * API's error class type its body. A proxy's HTML 502 under a documented JSON `default` is not marked.
 */
export function noteDocumented(
  error: APIError,
  operation: { errors?: DocumentedErrors },
  parsedJSON: boolean,
): APIError {
  if (error.status === undefined || operation.errors === undefined) return error;
  const body = documentedBody(error.status, operation.errors);
  if (body === "none") documented.set(error, { operation, typedBody: false });
  else if ((body === "json" && parsedJSON) || (body === "text" && typeof error.body === "string"))
    documented.set(error, { operation, typedBody: true });
  return error;
}

/**
 * Whether `value` is an error response the spec documents for `operation` (its method and path, as
 * its GeneratedOperation constant has them); without one, whether it is one the spec documents with a body, for any operation of this
 * package.
 */
export function isDocumentedError(
  value: unknown,
  operation?: { method: string; path: string },
): value is APIError {
  if (!(value instanceof APIError)) return false;
  const facts = documented.get(value);
  if (facts === undefined) return false;
  if (operation === undefined) return facts.typedBody;
  // By method and path, not by identity: a guard need not import the operation's module (which a
  // bundle loads only when the operation is called) to recognise its errors.
  const thrownBy = facts.operation as { method?: string; path?: string };
  return thrownBy.method === operation.method && thrownBy.path === operation.path;
}

/**
 * The base of a package's own error class (`StripeError`): `err instanceof StripeError` holds for an
 * error response the spec documents, and types its `body` as the union of the spec's error bodies.
 */
export abstract class DocumentedAPIError<TBody> extends APIError<TBody> {
  declare readonly status: number;
  static override [Symbol.hasInstance]<C extends abstract new (...args: never[]) => unknown>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    return isDocumentedError(value);
  }
}

/** The class an error response with status `S` is thrown as (see APIError.from), its body typed `B`. */
export type ErrorClassFor<S, B> = S extends 400
  ? BadRequestError<B>
  : S extends 401
    ? AuthenticationError<B>
    : S extends 403
      ? PermissionDeniedError<B>
      : S extends 404
        ? NotFoundError<B>
        : S extends 409
          ? ConflictError<B>
          : S extends 422
            ? UnprocessableEntityError<B>
            : S extends 429
              ? RateLimitError<B>
              : `${S & (string | number)}` extends `5${string}`
                ? InternalServerError<B>
                : APIError<B>;

/**
 * The errors `TMap` (status -> body, as the generated `...Responses` types list them) documents for the
 * statuses `TStatus`: each the class it is thrown as, with its body typed; `switch (err.status)` narrows
 * them. Range and default statuses ("4XX", "default") have `status: number`.
 */
export type DocumentedError<TMap, TStatus extends keyof TMap> = TStatus extends keyof TMap
  ? ErrorClassFor<TStatus, TMap[TStatus]> & { readonly status: TStatus extends number ? TStatus : number }
  : never;

/** No response arrived: DNS, refused connection, reset, TLS... `cause` is the underlying error. */
export class APIConnectionError extends APIError {
  static {
    this.prototype.name = "APIConnectionError";
  }
  constructor(options: { message?: string; cause?: unknown } = {}) {
    super(undefined, undefined, undefined, options.message ?? "Connection error.", {
      cause: options.cause,
    });
  }
}

/** The request (one attempt, after retries) took longer than the `timeout` option. */
export class APIConnectionTimeoutError extends APIConnectionError {
  static {
    this.prototype.name = "APIConnectionTimeoutError";
  }
  constructor(options: { message?: string } = {}) {
    super({ message: options.message ?? "Request timed out." });
  }
}

/**
 * A response body (read whole: JSON or text) was larger than the `maxResponseBytes` option allows, counted
 * after decompression; the rest was not read. `status` and `headers` are the response's. Not retried.
 */
export class ResponseTooLargeError extends APIError {
  static {
    this.prototype.name = "ResponseTooLargeError";
  }
  /** The limit that was exceeded, in bytes. */
  readonly maxResponseBytes: number;

  constructor(maxResponseBytes: number, status: number, headers: HeaderSource) {
    super(
      status,
      undefined,
      headers,
      `The response body is larger than maxResponseBytes (${maxResponseBytes} bytes); ` +
        "raise the maxResponseBytes option (client or request) to accept it.",
    );
    this.maxResponseBytes = maxResponseBytes;
  }
}

/**
 * A redirect the client will not follow: one that would carry a credential to another origin (a Location
 * on another origin that still holds it, or, in browsers, a redirect whose target fetch hides), a loop,
 * more than 20 hops, or a Location that is not an http(s) URL. Nothing was sent to the target. Not retried.
 */
export class RedirectError extends APIError {
  static {
    this.prototype.name = "RedirectError";
  }
  constructor(reason: string) {
    super(undefined, undefined, undefined, `Redirect not followed: ${reason}.`);
  }
}

/** The caller's AbortSignal fired; the client does not retry. */
export class APIUserAbortError extends APIError {
  static {
    this.prototype.name = "APIUserAbortError";
  }
  constructor(options: { message?: string } = {}) {
    super(undefined, undefined, undefined, options.message ?? "Request was aborted.");
  }
}

/** Where a credential is given: the client constructor's option and the environment variable it reads. */
export interface CredentialSource {
  option: string;
  envVar: string;
}

/** A credential the operation needs: its security scheme and, when known, where to give it. */
export interface MissingCredential extends Partial<CredentialSource> {
  scheme: string;
}

/** "the apiKey option (or the ACME_API_KEY environment variable)", else the scheme's name. */
function describeCredential(credential: MissingCredential): string {
  if (credential.option === undefined) return `the "${credential.scheme}" credential`;
  const env = credential.envVar !== undefined ? ` (or the ${credential.envVar} environment variable)` : "";
  return `the ${credential.option} option${env}`;
}

/**
 * The operation needs a credential the client was not given: nothing was sent. `needed` lists the
 * alternatives (any one group will do), each credential with the client option and environment
 * variable that give it. Never holds a credential value.
 */
export class MissingCredentialError extends APIError {
  static {
    this.prototype.name = "MissingCredentialError";
  }
  readonly needed: MissingCredential[][];

  constructor(needed: MissingCredential[][]) {
    const alternatives = needed.map((group) => group.map(describeCredential).join(" and ")).join(", or ");
    super(
      undefined,
      undefined,
      undefined,
      `Missing credentials: this operation needs ${alternatives}. Pass it to the client constructor.`,
    );
    this.needed = needed;
  }
}

/** Which part of a request a validation error is in. */
export type RequestPart = "path" | "query" | "header" | "body";

/** A problem the client found in a request's arguments: where (`part` and `pointer`) and what. */
export interface RequestValidationIssue extends ValidationError {
  part: RequestPart;
}

/** How many problems the message spells out; all of them are in `errors`. */
const MESSAGE_ISSUES = 3;

/**
 * The arguments do not match the spec, so the request was not sent (no network call was made). `errors`
 * lists each problem with its JSON Pointer into the params object (the path arguments for `part: "path"`),
 * and for form bodies the field name on the wire. Turn the check off with `validate: false` on the client
 * or on one call.
 */
export class RequestValidationError extends APIError {
  static {
    this.prototype.name = "RequestValidationError";
  }
  readonly errors: RequestValidationIssue[];

  constructor(request: string, errors: RequestValidationIssue[], secrets?: readonly string[]) {
    const shown = errors.slice(0, MESSAGE_ISSUES).map(describeIssue);
    const more = errors.length > MESSAGE_ISSUES ? `; and ${errors.length - MESSAGE_ISSUES} more` : "";
    super(
      undefined,
      undefined,
      undefined,
      `Invalid request to ${request}: ${shown.join("; ")}${more}`,
      secrets ? { secrets } : {},
    );
    this.errors = errors;
  }
}

/**
 * Where an issue is, as the user would look for it: in a JSON body its JSON Pointer (`/tools/0/type`), the
 * path into the object they wrote; in a form body and the query the field name on the wire
 * (`options[document][allowed_types][1]`), which is what the server's own errors name; a path or header
 * parameter by its name.
 */
function issueLocation(issue: RequestValidationIssue): string {
  if (issue.wireName !== undefined) return issue.wireName;
  return issue.part === "body" ? issue.pointer : wireName(issue.pointer);
}

/** `/tools/0/type must be one of: ...`, `limit must be >= 1`. */
function describeIssue(issue: RequestValidationIssue): string {
  const where = issueLocation(issue);
  // The root of the params object (body fields, query and header parameters) or of the path arguments.
  const label = where !== "" ? where : issue.part === "path" ? "path arguments" : "params";
  return `${label} ${issue.message}`;
}
