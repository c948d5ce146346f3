// The HTTP layer of a generated client: turns an operation description plus arguments into a fetch call,
// with auth, redirects, timeouts, retries, bounded body reads and typed errors. Generated code holds only
// data (OperationSpec); all behaviour lives here so every package behaves the same.
import {
  applyAuth,
  credentialScope,
  selectAuth,
  type AuthConfig,
  type CredentialParameter,
  type CredentialScope,
} from "./auth.js";
import { binaryResponse } from "./binary.js";
import { bufferStreams, encodeBody, isJSONType, readBody } from "./body.js";
import { encodePath, encodeQuery, type QueryParam, type QueryStyle } from "./encode.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  headerRecord,
  type CredentialSource,
  type DocumentedErrors,
  noteDocumented,
  requestIdFrom,
} from "./errors.js";
import { readEnv } from "./env.js";
import { CallLog, ClientLog, type LogLevel, type Logger } from "./log.js";
import { ownValue } from "./own.js";
import { PagePromise, type PageStrategy } from "./pagination.js";
import { printsMasked, redactError } from "./redact.js";
import { apiOrigins, fetchFollowingRedirects } from "./redirect.js";
import {
  checkRequest,
  warnOncePerMessage,
  type RequestValidators,
  type ValidateMode,
  type ValidationWarningHandler,
} from "./request-check.js";
import { isRepeatable, retryDelay, shouldRetry, sleep, type RetryTiming } from "./retry.js";
import { attemptSignal } from "./signal.js";
import { Stream, type EventDataKind } from "./sse.js";

export type { AuthConfig, CredentialParameter } from "./auth.js";
export type { CredentialSource } from "./errors.js";
export type { LogLevel, Logger } from "./log.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface ClientOptions {
  baseURL?: string;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /**
   * Per attempt, in ms (default 60000); for an event stream or a binary body, until the response's
   * headers arrive (the caller's signal still stops it after).
   */
  timeout?: number;
  /**
   * The most bytes a response body may have, counted after decompression (default 64 MiB); a larger one
   * throws ResponseTooLargeError. For an event stream, the most characters one event may have.
   */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  defaultHeaders?: Record<string, string>;
  /**
   * Check each request's arguments against the spec before sending it (default true): `true` throws a
   * RequestValidationError instead of sending a request the server would reject; `"warn"` reports it
   * (see onValidationWarning) and sends the request anyway, for a spec older than the API (a value the
   * API added since would otherwise be refused locally); `false` does not check.
   */
  validate?: ValidateMode;
  /**
   * Receives the RequestValidationError of each request sent under `validate: "warn"`. Default: the
   * client's log at "warn" (see logLevel), once per distinct message.
   */
  onValidationWarning?: ValidationWarningHandler;
  /**
   * The header the API reads an idempotency key from (e.g. "Idempotency-Key"), where the spec does not
   * declare it. With one, every POST and PATCH carries a key (a fresh one per call, the same on each of
   * its attempts), so writes are retried safely; without one a write is never retried. The generated
   * client sets it when the spec or api.yaml names the header.
   */
  idempotencyHeader?: string;
  /**
   * What the client logs (default "warn", or the `<API>_LOG` environment variable), each level adding to
   * the one before: "error" each call that failed for good on the API's or the network's side (a 5xx after
   * any retries, a connection failure or timeout, an event stream or binary body whose reading failed);
   * "warn" each retry and each request sent under `validate: "warn"`; "info" each response's status and
   * time, each call answered with a 4xx and each request refused by validation; "debug" each attempt's
   * request and response headers; "off" nothing. Credentials (Authorization, API keys in headers or the
   * query, cookies) show as [REDACTED].
   */
  logLevel?: LogLevel;
  /** Where log lines go (default console): any object with error, warn, info and debug methods. */
  logger?: Logger;
}

/**
 * Every client option by name, so the generator can keep the spec's credential options from taking one
 * (the `satisfies` makes the compiler check the list against ClientOptions).
 */
const CLIENT_OPTIONS = {
  baseURL: true,
  maxRetries: true,
  timeout: true,
  maxResponseBytes: true,
  fetch: true,
  defaultHeaders: true,
  validate: true,
  onValidationWarning: true,
  idempotencyHeader: true,
  logLevel: true,
  logger: true,
} as const satisfies Record<keyof ClientOptions, true>;
export const CLIENT_OPTION_NAMES: readonly string[] = Object.keys(CLIENT_OPTIONS);

export interface RequestOptions {
  /** Extra headers; `null` removes a header the client would send (a default header, for instance). */
  headers?: Record<string, string | null>;
  timeout?: number;
  maxRetries?: number;
  maxResponseBytes?: number;
  signal?: AbortSignal;
  /**
   * The idempotency key for this call (sent on each of its attempts), instead of a generated one. It is
   * sent in the API's idempotency header, "Idempotency-Key" when none is known.
   */
  idempotencyKey?: string;
  /** Check this request's arguments against the spec first (default: the client's `validate`, true). */
  validate?: ValidateMode;
}

export interface OperationSpec {
  method: HttpMethod;
  /** Path template, e.g. "/v1/items/{id}". */
  path: string;
  query?: { name: string; style?: QueryStyle; explode?: boolean }[];
  /** Header parameter names. */
  headers?: string[];
  /** `wrapped`: the body is not an object, so it travels as `params.body`. */
  body?: { mediaType: string; required?: boolean; wrapped?: boolean };
  /**
   * The header this operation reads an idempotency key from, where the spec declares it on the operation
   * (e.g. "Idempotency-Key"); a key is generated for POST and PATCH.
   */
  idempotencyHeader?: string;
  /**
   * The operation's own server (the spec's operation or path servers): one with a host (absolute or
   * "//host/...") is its base URL while the client's is the spec's default (a baseURL the user set, a
   * proxy or a mock, wins); a path ("/upload") resolves against the client's base URL.
   */
  server?: string;
  /** Names of auth configs; any one group must be applied. [] = no auth. */
  security?: string[][];
  /**
   * The operation's request validators (src/validators.ts), run before sending unless turned off. Generated
   * code gives a loader (`() => import("./validators/<operation>.js")`): a bundle then fetches an
   * operation's validators only when it is first called with validation on, and never with `validate: false`.
   */
  validate?: RequestValidators | (() => Promise<RequestValidators>);
  /**
   * How a success body is read, where it is not JSON (or JSON-or-text by its content type, the default):
   * `text` as a string, `binary` handed over unread (BinaryResponse), `sse` as a Stream of events whose
   * data is read as `eventData` says. `mediaType` is sent as Accept.
   */
  response?: { kind: "text" | "binary" | "sse"; mediaType: string; eventData?: EventDataKind };
  /** The error responses the spec documents: an error that matches one is typed by the generated guards. */
  errors?: DocumentedErrors;
}

/**
 * What the caller of one call wants of its success, read when the response's headers arrive: `raw`
 * (asResponse) the Response with its body unread, `parsed` (awaiting, withResponse) the body. Both: the
 * Response is cloned.
 */
export interface ResponseWish {
  raw: boolean;
  parsed: boolean;
}

/** The Response a result came in, where its caller asked for it unread (see ResponseWish). */
const rawResponses = new WeakMap<object, Response>();

export function rawResponseOf(result: ApiResponse<unknown>): Response | undefined {
  return rawResponses.get(result);
}

export interface RequestArgs {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, unknown> | undefined;
  body?: unknown;
  /**
   * A URL (absolute, or relative to the base URL) used instead of the path template, for next-page links.
   * Only URLs on the base URL's origin are followed.
   */
  url?: string | undefined;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  data: T;
  requestId?: string;
}

export interface HttpClientConfig {
  baseURL: string;
  /** The spec's default base URL: while baseURL is it, an operation's absolute server replaces it. */
  defaultBaseURL?: string;
  auth: Record<string, AuthConfig | undefined>;
  options?: ClientOptions;
  userAgent?: string;
  /**
   * Every server URL the spec declares (document, path and operation servers, variables expanded): with
   * the base URL, the origins credentials may be sent to. Relative URLs resolve against the base URL.
   */
  servers?: readonly string[];
  /** Every API-key parameter the spec declares, so one set by hand is known as a credential too. */
  credentialParameters?: readonly CredentialParameter[];
  /** Per security scheme, the client option and environment variable that give its credential. */
  credentialSources?: Record<string, CredentialSource>;
  /**
   * The API's idempotency header for every operation (from api.yaml); the `idempotencyHeader` option and
   * an operation's own declaration win over it.
   */
  idempotencyHeader?: string;
  /** The environment variable that sets the log level when the logLevel option is not given (VERIFA_LOG). */
  logEnvVar?: string;
  /** Hooks for tests: the wait between retries, and the clock and randomness of the backoff. */
  retryTiming?: RetryTiming & { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };
}

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The numeric options, client-wide and per request, and whether each counts whole things. */
const NUMERIC_OPTIONS = { timeout: false, maxRetries: true, maxResponseBytes: true } as const;

/**
 * Throws a TypeError naming the first numeric option that is not a finite, non-negative number (an
 * integer for counts): NaN would silently disable a timeout, Infinity or -1 a limit.
 */
function checkNumericOptions(options: ClientOptions | RequestOptions, where: "client" | "request"): void {
  for (const [name, integer] of Object.entries(NUMERIC_OPTIONS)) {
    const value = ownValue(options, name);
    if (value === undefined) continue;
    const valid =
      typeof value === "number" &&
      Number.isFinite(value) &&
      value >= 0 &&
      (!integer || Number.isInteger(value));
    if (!valid) {
      const got = typeof value === "number" ? String(value) : typeof value;
      throw new TypeError(
        `The ${name} ${where} option must be a finite, non-negative ${integer ? "integer" : "number"} (got ${got})`,
      );
    }
  }
}

/** Browsers refuse some headers (User-Agent triggers CORS preflights); only set it elsewhere. */
const inBrowser = typeof (globalThis as { document?: unknown }).document !== "undefined";

function randomId(): string {
  const c = (
    globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (bytes: Uint8Array) => unknown } }
  ).crypto;
  // randomUUID exists only in secure contexts in browsers; getRandomValues everywhere.
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === "function") c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Sets a header whose value a user gave. Headers' own error quotes the value, which may be a credential
 * (a token with a line break in it): this one names the header only.
 */
function setHeader(headers: Headers, name: string, value: string): void {
  try {
    headers.set(name, value);
  } catch {
    throw new TypeError(
      `Invalid header "${name}": its name or value has a character HTTP does not allow (a line break, NUL...)`,
    );
  }
}

/** A header name the client will set on every write: checked once, when the client is made. */
function checkHeaderName(name: string, option: string): void {
  try {
    new Headers().set(name, "x");
  } catch {
    throw new TypeError(`The ${option} option is not a valid HTTP header name: ${JSON.stringify(name)}`);
  }
}

function headerText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(",");
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Removes every `name=` pair from a raw query string, leaving the rest byte for byte. */
function withoutQueryParam(query: string, name: string): string {
  const encoded = encodeURIComponent(name);
  return query
    .split("&")
    .filter((pair) => {
      const key = pair.split("=")[0] ?? "";
      return pair !== "" && key !== encoded && key !== name;
    })
    .join("&");
}

interface PreparedRequest {
  url: string;
  init: RequestInit & { headers: Headers };
  hasIdempotencyKey: boolean;
  credentials: CredentialScope;
}

/**
 * The credentials and the options that may hold some (`defaultHeaders`, the generated client's apiKey...)
 * live in private fields (`#`), which util.inspect and JSON.stringify do not show.
 */
/** The URL without its trailing slashes (a loop: a regex anchored at the end retries from every slash). */
function withoutTrailingSlashes(url: string): string {
  let end = url.length;
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--;
  return url.slice(0, end);
}

/** What a success resolves to: the body with its status, headers and request id. */
function successResult<T>(response: Response, data: unknown, secrets: readonly string[]): ApiResponse<T> {
  const result: ApiResponse<T> = { status: response.status, headers: response.headers, data: data as T };
  const requestId = requestIdFrom(response.headers);
  if (requestId !== undefined) result.requestId = requestId;
  // `data` stays as the server sent it; printed (console.log, JSON.stringify), credentials are masked.
  return printsMasked(result, secrets, () => ({ ...result, headers: headerRecord(result.headers) }));
}

export class HttpClient {
  readonly baseURL: string;
  readonly #defaultBaseURL: string | undefined;
  readonly #auth: Record<string, AuthConfig | undefined>;
  readonly #options: ClientOptions;
  readonly #origins: ReadonlySet<string>;
  readonly #credentialParameters: readonly CredentialParameter[];
  readonly #credentialSources: Record<string, CredentialSource>;
  readonly #userAgent: string | undefined;
  readonly #timing: HttpClientConfig["retryTiming"];
  readonly #idempotencyHeader: string | undefined;
  readonly #onValidationWarning: ValidationWarningHandler;
  readonly #log: ClientLog;

  constructor(config: HttpClientConfig) {
    this.baseURL = config.baseURL;
    this.#defaultBaseURL = config.defaultBaseURL;
    this.#auth = config.auth;
    this.#options = config.options ?? {};
    checkNumericOptions(this.#options, "client");
    this.#origins = apiOrigins(config.baseURL, config.servers ?? []);
    this.#credentialParameters = config.credentialParameters ?? [];
    this.#credentialSources = config.credentialSources ?? {};
    this.#userAgent = config.userAgent;
    this.#timing = config.retryTiming;
    this.#idempotencyHeader = this.#options.idempotencyHeader ?? config.idempotencyHeader;
    if (this.#idempotencyHeader !== undefined) checkHeaderName(this.#idempotencyHeader, "idempotencyHeader");
    const logEnv = config.logEnvVar;
    const log = new ClientLog({
      level: this.#options.logLevel,
      logger: this.#options.logger,
      ...(logEnv !== undefined ? { env: { name: logEnv, value: readEnv(logEnv) } } : {}),
    });
    this.#log = log;
    // The warning's message is masked already.
    this.#onValidationWarning =
      this.#options.onValidationWarning ?? warnOncePerMessage((line) => log.write("warn", [], line));
  }

  /** What a request would carry as credentials given these headers (see auth.ts). */
  #credentials(headers: Headers): CredentialScope {
    return credentialScope(Object.values(this.#auth), this.#credentialParameters, headers);
  }

  /** Sends the operation, retrying as retry.ts allows; resolves for 2xx, throws an APIError otherwise. */
  async request<T = unknown>(
    op: OperationSpec,
    args: RequestArgs = {},
    options: RequestOptions = {},
    wish?: ResponseWish,
  ): Promise<ApiResponse<T>> {
    checkNumericOptions(options, "request");
    const validate = options.validate ?? this.#options.validate ?? true;
    if (op.validate && validate !== false) {
      // The headers set by hand may hold credentials too (a token in defaultHeaders): masked as well.
      const handSetSecrets = this.#credentials(this.#handSetHeaders(args, options)).secrets;
      const invalid = checkRequest(
        typeof op.validate === "function" ? await op.validate() : op.validate,
        {
          method: op.method,
          path: op.path,
          wrappedBody: op.body?.wrapped === true,
          bodyRequired: op.body?.required === true,
          args,
        },
        handSetSecrets,
      );
      if (invalid !== undefined) {
        if (validate !== "warn") {
          // Its message names the method and path. At info, as a 4xx answer is (log.ts): the caller is
          // thrown it and decides.
          this.#log.write("info", handSetSecrets, `${invalid.message} (not sent)`);
          throw invalid;
        }
        this.#onValidationWarning(invalid);
      }
    }
    // Streams are read into Blobs so that every attempt sends the same bytes.
    if (op.body && args.body !== undefined) args = { ...args, body: await bufferStreams(args.body) };
    const prepared = this.#prepare(op, args, options);
    const { secrets } = prepared.credentials;
    const maxRetries = options.maxRetries ?? this.#options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const timeout = options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxResponseBytes ?? this.#options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const caller = options.signal;
    const fetchImpl = this.#options.fetch ?? globalThis.fetch;
    const wait = this.#timing?.sleep ?? sleep;
    const log = new CallLog(this.#log, op.method, prepared.url, prepared.credentials, maxRetries);

    try {
      for (let attempt = 0; ; attempt++) {
        if (caller?.aborted) throw new APIUserAbortError();
        const retryIf = (status?: number, headers?: Headers): boolean =>
          shouldRetry({
            method: op.method,
            attempt,
            maxRetries,
            hasIdempotencyKey: prepared.hasIdempotencyKey,
            status,
            headers,
          });
        const pause = async (reason: string, headers?: Headers): Promise<void> => {
          const delay = retryDelay(attempt, headers, this.#timing);
          log.retrying(attempt, delay, reason);
          try {
            await wait(delay, caller);
          } catch {
            throw new APIUserAbortError();
          }
        };

        const deadline = attemptSignal(caller, timeout);
        let response: Response;
        let body: Awaited<ReturnType<typeof readBody>> | undefined;
        // A body handed over unread (a stream, binary, asResponse) stays abortable by the caller's signal
        // after the attempt: its timer stops, the signal stays attached until the stream ends.
        let handedOver = false;
        // Whether the failure below came after the response's headers (reading its body) or before.
        let answered = false;
        const startedAt = Date.now();
        log.sending(attempt, prepared.init.headers);
        try {
          response = await fetchFollowingRedirects({
            url: prepared.url,
            init: prepared.init,
            signal: deadline.signal,
            // Called as a plain function: browsers throw "Illegal invocation" for fetch with a foreign `this`.
            fetch: (input, init) => fetchImpl(input, init),
            apiOrigins: this.#origins,
            credentials: prepared.credentials,
            repeatable: isRepeatable(op.method, prepared.hasIdempotencyKey),
          });
          answered = true;
          log.received(response, startedAt, requestIdFrom(response.headers));
          if (response.ok && (wish?.raw || op.response?.kind === "binary" || op.response?.kind === "sse")) {
            handedOver = true;
          } else {
            // The body is read under the same deadline: a server can stall after the headers too.
            body = await readBody(response, op.method, maxBytes, op.response?.kind === "text" && response.ok);
          }
        } catch (error) {
          if (caller?.aborted) throw new APIUserAbortError();
          // The client's own verdicts (a redirect refused, a body too large) are final: not retried.
          if (error instanceof APIError) throw error;
          const failure = deadline.timedOut()
            ? new APIConnectionTimeoutError()
            : new APIConnectionError({ cause: redactError(error, secrets) });
          const reason =
            failure instanceof APIConnectionTimeoutError
              ? "timed out"
              : answered
                ? "failed reading the body"
                : "failed to connect";
          if (!retryIf()) throw failure;
          await pause(reason);
          continue;
        } finally {
          if (handedOver) deadline.stopTimer();
          else deadline.done();
        }

        if (response.ok && body === undefined) {
          // Awaited here, so that a failure reading the body is logged as the call's failure too.
          return await this.#handOver<T>(op, response, wish, {
            maxBytes,
            caller,
            release: deadline.done,
            secrets,
            log,
          });
        }
        if (body === undefined) throw new Error("unreachable: an error response's body is always read");
        if (response.ok) {
          if (body.invalidJSON) {
            throw new APIError(
              response.status,
              body.data,
              response.headers,
              `${response.status} invalid JSON in response body`,
              { secrets },
            );
          }
          return successResult<T>(response, body.data, secrets);
        }
        if (!retryIf(response.status, response.headers)) {
          const parsedJSON =
            body.invalidJSON === undefined &&
            body.data !== undefined &&
            isJSONType(response.headers.get("content-type") ?? "");
          throw noteDocumented(
            APIError.from(response.status, body.data, response.headers, secrets),
            op,
            parsedJSON,
          );
        }
        await pause(`got ${response.status}`, response.headers);
      }
    } catch (error) {
      // Every way a call fails for good passes here once: logged (log.ts picks the level), then thrown.
      if (!(error instanceof APIUserAbortError)) log.failed(error);
      throw error;
    }
  }

  /**
   * A success whose body is not read here: the Response itself (asResponse), a binary body or an event
   * stream, each reading the body as its caller takes it.
   */
  async #handOver<T>(
    op: OperationSpec,
    response: Response,
    wish: ResponseWish | undefined,
    context: {
      maxBytes: number;
      caller: AbortSignal | undefined;
      release: () => void;
      secrets: readonly string[];
      log: CallLog;
    },
  ): Promise<ApiResponse<T>> {
    const raw = wish?.raw ? (wish.parsed ? response.clone() : response) : undefined;
    // An event stream or a binary body is read after this call has returned, outside the catch that logs
    // a call's failure: a read that fails is logged from here, once, and thrown as a JSON body's would be
    // (a broken connection an APIConnectionError; an APIError, such as a body too large, as it is). The
    // caller's own abort is no failure.
    const onFailure = (error: unknown): unknown => {
      if (context.caller?.aborted) return new APIUserAbortError();
      context.log.failedReading(error);
      return error instanceof APIError
        ? error
        : new APIConnectionError({ cause: redactError(error, context.secrets) });
    };
    let data: unknown;
    if (raw !== response) {
      if (op.response?.kind === "sse") {
        data = new Stream(response, {
          dataKind: op.response.eventData ?? "auto",
          maxBytes: context.maxBytes,
          ...(context.caller ? { signal: context.caller } : {}),
          onEnd: context.release,
          onFailure,
        });
      } else if (op.response?.kind === "binary") {
        data = binaryResponse(response, context.maxBytes, onFailure);
      } else {
        try {
          data = (await readBody(response, op.method, context.maxBytes, op.response?.kind === "text")).data;
        } catch (error) {
          if (context.caller?.aborted) throw new APIUserAbortError();
          if (error instanceof APIError) throw error;
          throw new APIConnectionError({ cause: redactError(error, context.secrets) });
        }
      }
    }
    // Read here, the body no longer needs the caller's signal; one handed over keeps it for its reader.
    if (raw === undefined && op.response?.kind !== "sse" && op.response?.kind !== "binary") context.release();
    const result = successResult<T>(response, data, context.secrets);
    if (raw) rawResponses.set(result, raw);
    return result;
  }

  /**
   * A list request walked page by page: awaiting it gives the first page, `for await` every item.
   * The strategy (stripeCursor, cursorField, nextLink, linkHeader, pageNumber, offsetLimit) says where the
   * items and the next page are.
   */
  paginate<TPage, TItem>(
    op: OperationSpec,
    args: RequestArgs,
    options: RequestOptions | undefined,
    strategy: PageStrategy<TPage, TItem>,
  ): PagePromise<TPage, TItem> {
    return new PagePromise<TPage, TItem>({
      params: args,
      fetchPage: (params) => this.request<TPage>(op, params, options),
      fetchResponse: async (params) => {
        const result = await this.request(op, params, options, { raw: true, parsed: false });
        const raw = rawResponseOf(result);
        if (raw === undefined) throw new Error("unreachable: a success asked for raw is handed over unread");
        return raw;
      },
      items: (page) => strategy.items(page),
      nextParams: (page, params, headers) => strategy.nextParams(page, params, headers),
    });
  }

  /** The headers a user gives: default headers, header parameters, per-request headers. */
  #handSetHeaders(args: RequestArgs, options: RequestOptions): Headers {
    const headers = new Headers();
    for (const [name, value] of Object.entries(this.#options.defaultHeaders ?? {}))
      setHeader(headers, name, value);
    for (const [name, value] of Object.entries(args.headers ?? {}))
      if (value !== undefined && value !== null) setHeader(headers, name, headerText(value));
    for (const [name, value] of Object.entries(options.headers ?? {}))
      if (value !== null) setHeader(headers, name, value);
    return headers;
  }

  /** Everything that stays the same across attempts, built once so retries resend identical bytes. */
  #prepare(op: OperationSpec, args: RequestArgs, options: RequestOptions): PreparedRequest {
    const configs = selectAuth(op.security, this.#auth, this.#credentialSources);
    const headers = new Headers();
    headers.set("accept", op.response?.mediaType ?? "application/json");
    if (this.#userAgent && !inBrowser) headers.set("user-agent", this.#userAgent);
    for (const [name, value] of Object.entries(this.#options.defaultHeaders ?? {}))
      setHeader(headers, name, value);
    for (const name of op.headers ?? []) {
      const value = ownValue(args.headers, name);
      if (value !== undefined && value !== null) setHeader(headers, name, headerText(value));
    }

    const encoded = op.body && args.body !== undefined ? encodeBody(op.body.mediaType, args.body) : {};
    if (encoded.contentType) headers.set("content-type", encoded.contentType);

    const authQuery = applyAuth(configs, headers);

    // Per-request headers come last so they can override (or, with null, remove) anything above.
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === null) headers.delete(name);
      else setHeader(headers, name, value);
    }
    // FormData needs fetch's own multipart Content-Type, with its boundary.
    if (op.body && args.body !== undefined && encoded.contentType === undefined)
      headers.delete("content-type");

    // The key is set here, once per call: every attempt of the call resends it. A key the user gave (the
    // idempotencyKey option, or the header set by hand) wins over a generated one.
    const supported = op.idempotencyHeader ?? this.#idempotencyHeader;
    const keyHeader = supported ?? DEFAULT_IDEMPOTENCY_HEADER;
    const removedKey = Object.entries(options.headers ?? {}).some(
      ([name, value]) => value === null && name.toLowerCase() === keyHeader.toLowerCase(),
    );
    if (options.idempotencyKey !== undefined) setHeader(headers, keyHeader, options.idempotencyKey);
    else if (
      supported !== undefined &&
      (op.method === "POST" || op.method === "PATCH") &&
      !headers.has(keyHeader) &&
      !removedKey
    ) {
      headers.set(keyHeader, randomId());
    }

    const init: RequestInit & { headers: Headers } = { method: op.method, headers };
    if (encoded.body !== undefined) init.body = encoded.body;
    return {
      url: this.#buildURL(op, args, authQuery),
      init,
      hasIdempotencyKey: (headers.get(keyHeader) ?? "") !== "",
      credentials: this.#credentials(headers),
    };
  }

  /** Where the operation's path goes: under its own server (see OperationSpec.server) or the base URL. */
  #operationBase(op: OperationSpec, base: string): string {
    if (op.server === undefined) return base;
    const resolved = withoutTrailingSlashes(new URL(op.server, `${base}/`).href);
    // A path ("/upload") sits under the base URL's origin, as a relative link would; a server with its own
    // host (absolute, or protocol-relative "//host/v1") is used only while the base URL is the spec's.
    if (!/^([a-z][a-z\d+.-]*:|\/\/)/i.test(op.server)) return resolved;
    return withoutTrailingSlashes(this.#defaultBaseURL ?? "") === base ? resolved : base;
  }

  #buildURL(op: OperationSpec, args: RequestArgs, authQuery: [string, string][]): string {
    const base = withoutTrailingSlashes(this.baseURL);
    try {
      void new URL(base);
    } catch {
      // Checked here because fetch's own error would quote the whole URL, query credentials included.
      throw new TypeError("Invalid baseURL: pass an absolute http(s) URL as the baseURL option");
    }
    const operationBase = this.#operationBase(op, base);
    let url: string;
    if (args.url !== undefined) {
      const resolved = new URL(args.url, `${base}/`);
      // The same origins as for redirects: a link elsewhere would take the credentials with it.
      if (!this.#origins.has(resolved.origin)) {
        throw new Error(
          "Refusing to follow a next-page link to another origin than the API's (the base URL and the spec's servers)",
        );
      }
      resolved.hash = "";
      url = resolved.href;
    } else {
      const path = encodePath(op.path, args.path ?? {});
      url = operationBase + (path.startsWith("/") || path === "" ? path : `/${path}`);
    }

    const declared = op.query ?? [];
    const names = new Set(declared.map((q) => q.name));
    const params: QueryParam[] = declared.map((q) => ({ ...q, value: ownValue(args.query, q.name) }));
    for (const [name, value] of Object.entries(args.query ?? {}))
      if (!names.has(name)) params.push({ name, value });

    const [path, existing = ""] = url.split(/\?(.*)/s, 2) as [string, string?];
    let query = existing;
    for (const [name] of authQuery) query = withoutQueryParam(query, name);
    const parts = [
      query,
      encodeQuery(params),
      ...authQuery.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`),
    ].filter((p) => p !== "");
    return parts.length > 0 ? `${path}?${parts.join("&")}` : path;
  }
}
