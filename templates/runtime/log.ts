// The client's log: what a call does on the wire, at the level the user chose (the `logLevel` option, else
// the `<API>_LOG` environment variable, else "warn"), written to their logger (console by default). Each
// level adds to the one before: "error" a call that failed for good on the API's or the network's side
// (a 5xx after any retries, a connection failure or timeout, an event stream or binary body that broke
// off or passed its limit while being read); "warn" each retry and each request sent under
// `validate: "warn"` despite its problems; "info" each response's status and time, a call the API
// answered with a 4xx and a request refused by validation (the caller is thrown both); "debug" each
// attempt's request and response headers. Nothing it writes holds a credential: URLs and
// headers are shown through the request's credential scope (auth.ts), credential parameters and headers
// as "[REDACTED]", and every line is masked again for the credentials' spellings (redact.ts).
import type { CredentialScope } from "./auth.js";
import { MASK, maskText } from "./redact.js";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** Where log lines go: console, or any object with these methods (pino, winston and the like). */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };
export const LOG_LEVELS: readonly LogLevel[] = Object.keys(RANK) as LogLevel[];
const DEFAULT_LEVEL: LogLevel = "warn";

function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RANK, value);
}

export class ClientLog {
  readonly #rank: number;
  readonly #logger: Logger;

  /**
   * `level` is the option (a wrong one throws a TypeError naming it); `fromEnv` the environment
   * variable's value, used when the option is not given (a wrong one is reported and the default used).
   */
  constructor(options: {
    level?: unknown;
    logger?: Logger | undefined;
    env?: { name: string; value?: string };
  }) {
    this.#logger = options.logger ?? console;
    let level: LogLevel = DEFAULT_LEVEL;
    if (options.level !== undefined) {
      if (!isLogLevel(options.level)) {
        throw new TypeError(`The logLevel client option must be one of ${LOG_LEVELS.join(", ")}`);
      }
      level = options.level;
    } else if (options.env?.value !== undefined) {
      const value = options.env.value.toLowerCase();
      if (isLogLevel(value)) level = value;
      else
        this.#logger.warn(
          `${options.env.name} is not a log level (${LOG_LEVELS.join(", ")}); logging at "${DEFAULT_LEVEL}"`,
        );
    }
    this.#rank = RANK[level];
  }

  enabled(level: Exclude<LogLevel, "off">): boolean {
    return RANK[level] <= this.#rank;
  }

  /** Writes a line (and details) at `level`, masked for the call's credentials. */
  write(
    level: Exclude<LogLevel, "off">,
    secrets: readonly string[],
    message: string,
    details?: Record<string, unknown>,
  ): void {
    if (!this.enabled(level)) return;
    const line = maskText(message, secrets);
    if (details === undefined) this.#logger[level](line);
    else this.#logger[level](line, maskDetails(details, secrets));
  }
}

/** Detail values are strings, numbers or string records (headers): each string masked. */
function maskDetails(details: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === "string") out[key] = maskText(value, secrets);
    else if (typeof value === "object" && value !== null) {
      const record: Record<string, string> = {};
      for (const [name, text] of Object.entries(value as Record<string, string>))
        record[name] = maskText(String(text), secrets);
      out[key] = record;
    } else out[key] = value;
  }
  return out;
}

/** The URL as logged: credential query parameters (an API key in the query) show as [REDACTED]. */
export function loggedURL(url: string, scope: CredentialScope): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return maskText(url, scope.secrets);
  }
  // The raw query is rewritten pair by pair, so the rest shows as sent (URLSearchParams would re-encode).
  const query = parsed.search.slice(1);
  if (query !== "") {
    parsed.search = query
      .split("&")
      .map((pair) => {
        const at = pair.indexOf("=");
        const rawName = at === -1 ? pair : pair.slice(0, at);
        const decode = (text: string): string => {
          try {
            return decodeURIComponent(text.replace(/\+/g, " "));
          } catch {
            return text;
          }
        };
        const value = at === -1 ? "" : pair.slice(at + 1);
        return scope.isCredentialQuery(decode(rawName), decode(value)) ? `${rawName}=${MASK}` : pair;
      })
      .join("&");
  }
  // A user name and password in the URL are credentials too.
  if (parsed.username !== "" || parsed.password !== "") {
    parsed.username = parsed.username === "" ? "" : MASK;
    parsed.password = parsed.password === "" ? "" : MASK;
  }
  return maskText(parsed.href, scope.secrets);
}

/** Headers as logged: credential headers (Authorization, API-key headers, cookies) show as [REDACTED]. */
export function loggedHeaders(headers: Headers, scope: CredentialScope): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = scope.isCredentialHeader(name, value) ? MASK : maskText(value, scope.secrets);
  });
  return out;
}

/** One call's log lines: `method url` once, then each attempt, response and retry, and its failure. */
export class CallLog {
  readonly #log: ClientLog;
  readonly #scope: CredentialScope;
  readonly #call: string;
  readonly #attempts: number;
  /** Attempts sent so far. */
  #sent = 0;

  constructor(log: ClientLog, method: string, url: string, scope: CredentialScope, maxRetries: number) {
    this.#log = log;
    this.#scope = scope;
    // Formatted only when something will be written: the URL is parsed for its query.
    this.#call = log.enabled("error") ? `${method} ${loggedURL(url, scope)}` : method;
    this.#attempts = maxRetries + 1;
  }

  /** Before an attempt is sent: its headers, at debug. */
  sending(attempt: number, headers: Headers): void {
    this.#sent = attempt + 1;
    if (!this.#log.enabled("debug")) return;
    this.#log.write(
      "debug",
      this.#scope.secrets,
      `${this.#call} (attempt ${attempt + 1} of ${this.#attempts})`,
      {
        headers: loggedHeaders(headers, this.#scope),
      },
    );
  }

  /** A response's status and time at info; its headers at debug. */
  received(response: Response, startedAt: number, requestId: string | undefined): void {
    if (!this.#log.enabled("info")) return;
    const id = requestId === undefined ? "" : `, request id ${requestId}`;
    const line = `${this.#call} -> ${response.status} in ${Date.now() - startedAt} ms${id}`;
    const details = this.#log.enabled("debug")
      ? { headers: loggedHeaders(response.headers, this.#scope) }
      : undefined;
    this.#log.write("info", this.#scope.secrets, line, details);
  }

  /** A retry about to wait `delayMs`, after `reason` (a status or a connection failure), at warn. */
  retrying(attempt: number, delayMs: number, reason: string): void {
    this.#log.write(
      "warn",
      this.#scope.secrets,
      `${this.#call} ${reason}: retrying in ${Math.round(delayMs)} ms (attempt ${attempt + 2} of ${this.#attempts})`,
    );
  }

  /**
   * The call failed for good: `error` is what the caller is thrown (its message already masked; masked
   * again here). At error when the API or the network failed (a 5xx, a 4xx the client retried (429, 409,
   * 408) and still got, a connection failure, a timeout, a body that could not be read); at info when
   * the API answered the request as wrong (a 4xx not retried): that is an answer the caller handles (a
   * 404 looked up, a 402 card declined), and printing each one by default would bury the failures that
   * need someone's attention. A call the
   * caller aborted did not fail: the caller knows, nothing is written.
   */
  failed(error: unknown): void {
    const after = this.#sent > 1 ? ` after ${this.#sent} attempts` : "";
    const message = error instanceof Error ? error.message : String(error);
    const status = (error as { status?: unknown } | null)?.status;
    const answered = typeof status === "number" && status >= 400 && status < 500 && this.#sent <= 1;
    const level = answered ? "info" : "error";
    this.#log.write(level, this.#scope.secrets, `${this.#call} failed${after}: ${message}`);
  }

  /**
   * Reading a success's body failed after the call had returned it (an event stream or a binary body,
   * read as the caller takes it): the connection broke, the body passed maxResponseBytes, an event's data
   * was not JSON. At error, as a call that failed on the network's or the API's side; the caller's own
   * abort is not reported here (the client checks its signal first).
   */
  failedReading(error: unknown): void {
    this.#log.write(
      "error",
      this.#scope.secrets,
      `${this.#call} failed reading the body: ${messageWithCause(error)}`,
    );
  }
}

/** An error's message, and its cause's where it has one: fetch's "terminated" says why only in its cause. */
function messageWithCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  return cause instanceof Error && cause.message !== ""
    ? `${error.message} (${cause.message})`
    : error.message;
}
