// When to try a request again, and how long to wait first. Kept apart from the HTTP code so the policy
// can be read (and tested) on its own; time and randomness are injectable.

/** Methods that may be repeated without changing the result (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"]);

/** Statuses worth another attempt: timeout, lock conflict, rate limit, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export interface RetryInput {
  method: string;
  /** Retries already made (0 when deciding on the first retry). */
  attempt: number;
  maxRetries: number;
  /** Whether the request carries an idempotency key (which makes repeating a POST safe). */
  hasIdempotencyKey: boolean;
  /** Response status; undefined when no response arrived (network error or timeout). */
  status?: number | undefined;
  headers?: Headers | undefined;
}

/** Whether sending a request again cannot do harm: an idempotent method, or an idempotency key. */
export function isRepeatable(method: string, hasIdempotencyKey: boolean): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase()) || hasIdempotencyKey;
}

/**
 * Whether to retry. A POST or PATCH may already have taken effect when its response is lost or fails,
 * so those are repeated only under an idempotency key, whatever the server says. Otherwise the server's
 * `x-should-retry: true|false` wins over the status rules.
 */
export function shouldRetry(input: RetryInput): boolean {
  if (input.attempt >= input.maxRetries) return false;
  if (!isRepeatable(input.method, input.hasIdempotencyKey)) return false;
  const override = input.headers?.get("x-should-retry")?.trim().toLowerCase();
  if (override === "true") return true;
  if (override === "false") return false;
  return input.status === undefined || isRetryableStatus(input.status);
}

export interface RetryTiming {
  /** Milliseconds since the epoch; used to turn an HTTP-date Retry-After into a delay. */
  now?: () => number;
  /** In [0, 1); drives the backoff jitter. */
  random?: () => number;
}

const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const MAX_JITTER = 0.25;

/**
 * The server's requested delay in ms: `retry-after-ms`, else `Retry-After` as seconds or an HTTP date.
 * Capped at 60 s so a bad header cannot park the client for hours; undefined when absent or unreadable.
 */
export function retryAfterMs(headers: Headers | undefined, now: () => number = Date.now): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get("retry-after-ms");
  if (ms !== null && ms.trim() !== "") {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return Math.min(value, MAX_RETRY_AFTER_MS);
  }
  const after = headers.get("retry-after")?.trim();
  if (!after) return undefined;
  if (/^\d+(\.\d+)?$/.test(after)) return Math.min(Number(after) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(after);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - now()), MAX_RETRY_AFTER_MS);
}

/**
 * Delay before retry number `attempt` (0-based): the server's Retry-After when given, else exponential
 * backoff 0.5 s * 2^attempt capped at 8 s, shortened by up to 25% at random so that many clients failing
 * together do not retry in lockstep.
 */
export function retryDelay(attempt: number, headers?: Headers, timing: RetryTiming = {}): number {
  const requested = retryAfterMs(headers, timing.now);
  if (requested !== undefined) return requested;
  const base = Math.min(INITIAL_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
  const random = (timing.random ?? Math.random)();
  return Math.round(base * (1 - MAX_JITTER * random));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
