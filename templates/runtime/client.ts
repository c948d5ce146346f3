// The HTTP layer of a generated client: turns an operation description plus arguments into a fetch call,
// with auth, timeouts, retries and typed errors. Generated code holds only data (OperationSpec); all
// behaviour lives here so every package behaves the same.
import { applyAuth, secretsOf, selectAuth, type AuthConfig } from "./auth.js";
import { encodeBody, readBody } from "./body.js";
import { encodePath, encodeQuery, type QueryParam, type QueryStyle } from "./encode.js";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  requestIdFrom,
} from "./errors.js";
import { PagePromise, type PageStrategy } from "./pagination.js";
import { redactError } from "./redact.js";
import { checkRequest, type RequestValidators } from "./request-check.js";
import { retryDelay, shouldRetry, sleep, type RetryTiming } from "./retry.js";
import { attemptSignal } from "./signal.js";

export type { AuthConfig } from "./auth.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export interface ClientOptions {
  baseURL?: string;
  /** Retries after the first attempt (default 2). */
  maxRetries?: number;
  /** Per attempt, in ms (default 60000). */
  timeout?: number;
  fetch?: typeof fetch;
  defaultHeaders?: Record<string, string>;
  /**
   * Check each request's arguments against the spec before sending it, and throw a
   * RequestValidationError instead of sending a request the server would reject (default true).
   */
  validate?: boolean;
}

export interface RequestOptions {
  /** Extra headers; `null` removes a header the client would send (a default header, for instance). */
  headers?: Record<string, string | null>;
  timeout?: number;
  maxRetries?: number;
  signal?: AbortSignal;
  idempotencyKey?: string;
  /** Check this request's arguments against the spec first (default: the client's `validate`, true). */
  validate?: boolean;
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
  /** Header carrying an idempotency key, e.g. "Idempotency-Key"; one is generated for POST and PATCH. */
  idempotencyHeader?: string;
  /** Names of auth configs; any one group must be applied. [] = no auth. */
  security?: string[][];
  /** The operation's request validators (src/validators.ts), run before sending unless turned off. */
  validate?: RequestValidators;
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
  auth: Record<string, AuthConfig | undefined>;
  options?: ClientOptions;
  userAgent?: string;
  /** Hooks for tests: the wait between retries, and the clock and randomness of the backoff. */
  retryTiming?: RetryTiming & { sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };
}

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IDEMPOTENCY_HEADER = "Idempotency-Key";

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
  init: RequestInit;
  hasIdempotencyKey: boolean;
  secrets: string[];
}

export class HttpClient {
  readonly baseURL: string;
  private readonly auth: Record<string, AuthConfig | undefined>;
  private readonly options: ClientOptions;
  private readonly userAgent: string | undefined;
  private readonly timing: HttpClientConfig["retryTiming"];

  constructor(config: HttpClientConfig) {
    this.baseURL = config.baseURL;
    this.auth = config.auth;
    this.options = config.options ?? {};
    this.userAgent = config.userAgent;
    this.timing = config.retryTiming;
  }

  /** Sends the operation, retrying as retry.ts allows; resolves for 2xx, throws an APIError otherwise. */
  async request<T = unknown>(
    op: OperationSpec,
    args: RequestArgs = {},
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    if (op.validate && (options.validate ?? this.options.validate) !== false) {
      checkRequest(op.validate, {
        method: op.method,
        path: op.path,
        wrappedBody: op.body?.wrapped === true,
        bodyRequired: op.body?.required === true,
        args,
      });
    }
    const prepared = this.prepare(op, args, options);
    const maxRetries = Math.max(0, options.maxRetries ?? this.options.maxRetries ?? DEFAULT_MAX_RETRIES);
    const timeout = options.timeout ?? this.options.timeout ?? DEFAULT_TIMEOUT_MS;
    const caller = options.signal;
    const fetchImpl = this.options.fetch ?? globalThis.fetch;
    const wait = this.timing?.sleep ?? sleep;

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
      const pause = async (headers?: Headers): Promise<void> => {
        try {
          await wait(retryDelay(attempt, headers, this.timing), caller);
        } catch {
          throw new APIUserAbortError();
        }
      };

      const deadline = attemptSignal(caller, timeout);
      let response: Response;
      let body: Awaited<ReturnType<typeof readBody>>;
      try {
        // Called as a plain function: browsers throw "Illegal invocation" for fetch with a foreign `this`.
        response = await fetchImpl(prepared.url, { ...prepared.init, signal: deadline.signal });
        // The body is read under the same deadline: a server can stall after the headers too.
        body = await readBody(response, op.method);
      } catch (error) {
        if (caller?.aborted) throw new APIUserAbortError();
        const failure = deadline.timedOut()
          ? new APIConnectionTimeoutError()
          : new APIConnectionError({ cause: redactError(error, prepared.secrets) });
        if (!retryIf()) throw failure;
        await pause();
        continue;
      } finally {
        deadline.done();
      }

      if (response.ok) {
        if (body.invalidJSON) {
          throw new APIError(
            response.status,
            body.data,
            response.headers,
            `${response.status} invalid JSON in response body`,
          );
        }
        const result: ApiResponse<T> = {
          status: response.status,
          headers: response.headers,
          data: body.data as T,
        };
        const requestId = requestIdFrom(response.headers);
        if (requestId !== undefined) result.requestId = requestId;
        return result;
      }
      if (!retryIf(response.status, response.headers)) {
        throw APIError.from(response.status, body.data, response.headers);
      }
      await pause(response.headers);
    }
  }

  /**
   * A list request walked page by page: awaiting it gives the first page, `for await` every item.
   * The strategy (stripeCursor, cursorField, nextLink) says where the items and the next page are.
   */
  paginate<TPage, TItem>(
    op: OperationSpec,
    args: RequestArgs,
    options: RequestOptions | undefined,
    strategy: PageStrategy<TPage, TItem>,
  ): PagePromise<TPage, TItem> {
    return new PagePromise<TPage, TItem>({
      params: args,
      fetchPage: async (params) => (await this.request<TPage>(op, params, options)).data,
      items: (page) => strategy.items(page),
      nextParams: (page, params) => strategy.nextParams(page, params),
    });
  }

  /** Everything that stays the same across attempts, built once so retries resend identical bytes. */
  private prepare(op: OperationSpec, args: RequestArgs, options: RequestOptions): PreparedRequest {
    const configs = selectAuth(op.security, this.auth);
    const headers = new Headers();
    headers.set("accept", "application/json");
    if (this.userAgent && !inBrowser) headers.set("user-agent", this.userAgent);
    for (const [name, value] of Object.entries(this.options.defaultHeaders ?? {})) headers.set(name, value);
    for (const name of op.headers ?? []) {
      const value = args.headers?.[name];
      if (value !== undefined && value !== null) headers.set(name, headerText(value));
    }

    const encoded = op.body && args.body !== undefined ? encodeBody(op.body.mediaType, args.body) : {};
    if (encoded.contentType) headers.set("content-type", encoded.contentType);

    const authQuery = applyAuth(configs, headers);

    // Per-request headers come last so they can override (or, with null, remove) anything above.
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === null) headers.delete(name);
      else headers.set(name, value);
    }
    // FormData needs fetch's own multipart Content-Type, with its boundary.
    if (op.body && args.body !== undefined && encoded.contentType === undefined)
      headers.delete("content-type");

    const keyHeader = op.idempotencyHeader ?? DEFAULT_IDEMPOTENCY_HEADER;
    const removedKey = Object.entries(options.headers ?? {}).some(
      ([name, value]) => value === null && name.toLowerCase() === keyHeader.toLowerCase(),
    );
    if (options.idempotencyKey !== undefined) headers.set(keyHeader, options.idempotencyKey);
    else if (
      op.idempotencyHeader &&
      (op.method === "POST" || op.method === "PATCH") &&
      !headers.has(keyHeader) &&
      !removedKey
    ) {
      headers.set(keyHeader, randomId());
    }

    const init: RequestInit = { method: op.method, headers };
    if (encoded.body !== undefined) init.body = encoded.body;
    return {
      url: this.buildURL(op, args, authQuery),
      init,
      hasIdempotencyKey: (headers.get(keyHeader) ?? "") !== "",
      secrets: secretsOf(configs),
    };
  }

  private buildURL(op: OperationSpec, args: RequestArgs, authQuery: [string, string][]): string {
    const base = this.baseURL.replace(/\/+$/, "");
    let origin: string;
    try {
      origin = new URL(base).origin;
    } catch {
      // Checked here because fetch's own error would quote the whole URL, query credentials included.
      throw new TypeError("Invalid baseURL: pass an absolute http(s) URL as the baseURL option");
    }
    let url: string;
    if (args.url !== undefined) {
      const resolved = new URL(args.url, `${base}/`);
      if (resolved.origin !== origin) {
        throw new Error("Refusing to follow a next-page link to another origin than the client's base URL");
      }
      resolved.hash = "";
      url = resolved.href;
    } else {
      const path = encodePath(op.path, args.path ?? {});
      url = base + (path.startsWith("/") || path === "" ? path : `/${path}`);
    }

    const declared = op.query ?? [];
    const names = new Set(declared.map((q) => q.name));
    const params: QueryParam[] = declared.map((q) => ({ ...q, value: args.query?.[q.name] }));
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
