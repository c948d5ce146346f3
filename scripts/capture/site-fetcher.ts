// Downloads the pages of one documentation site for the crawler, politely: robots.txt is read once and
// honoured (its Crawl-delay too), requests to the host wait in one queue that keeps to a concurrency limit
// and spaces their starts by a delay, and a page that answers 429 or 5xx, or whose connection fails, is
// tried again after an exponential backoff with jitter, or after the Retry-After the server asks for. Each
// download is bounded (fetch-page.ts) and stays on the site; credentials go to the site's origin only.
import { InputLimitError, type SizeLimit } from "../lib/read-input.ts";
import {
  download,
  DownloadError,
  redactUrl,
  withoutUserInfo,
  type DownloadFailure,
  type FetchedPage,
} from "./fetch-page.ts";
import { ALLOW_ALL, parseRobots, type Robots } from "./robots.ts";

export interface SiteFetcherOptions {
  /** The start URL: the site is its origin, and pages are kept under its path prefix by the crawler. */
  root: URL;
  /** Per page, redirects and body included. */
  timeoutMs: number;
  limit?: SizeLimit;
  /** Requests in flight at once to the site's host (default 4). */
  concurrency?: number;
  /** Pause between the start of two requests to the host (default 10 ms); robots.txt's Crawl-delay is a floor. */
  delayMs?: number;
  /** Retries of a page that answered 429 or 5xx or could not connect (default 3). */
  retries?: number;
  /** Headers for docs behind a login (`--header`, `--cookie`): sent to the site's origin only, never logged. */
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
  /** Waits; tests pass a fake clock. */
  sleep?: (ms: number) => Promise<void>;
  /** The time in ms since the epoch (Date.now); tests pass a fake clock that their `sleep` moves on. */
  now?: () => number;
  /** The first retry's backoff (default 1 s), doubled for each retry after it, with jitter down to half. */
  backoffMs?: number;
  /** The longest wait before a retry or between requests (default 60 s): a server asking more is a failure. */
  maxWaitMs?: number;
}

/** A page to fetch; with what the last capture saw of it, the request is conditional. */
export interface PageRequest {
  url: string;
  etag?: string;
  lastModified?: string;
}

export type PageOutcome =
  /** 2xx: the page's text and headers. */
  | { kind: "fetched"; page: FetchedPage }
  /** 304 to a conditional request: the saved copy is current. */
  | { kind: "unchanged"; page: FetchedPage }
  /** Not fetched: robots.txt forbids it, it (or a redirect) leads off the site, or it is not text (a PNG). */
  | { kind: "refused"; url: string; reason: string }
  /** Fetched and failed for good (after retries): the reason names the status or the error. */
  | { kind: "failed"; url: string; reason: string; status?: number };

export const DEFAULT_CONCURRENCY = 4;
/**
 * At most 100 request starts a second to one host. Over a real network the 4 connections bound the rate
 * first (4 per round trip); the delay keeps a fast local site from being hammered, and a 500-page site
 * still spends only 5 s in it (the bench: 500 pages in under 30 s with the defaults).
 */
export const DEFAULT_DELAY_MS = 10;
export const DEFAULT_RETRIES = 3;
const DEFAULT_BACKOFF_MS = 1000;
const DEFAULT_MAX_WAIT_MS = 60_000;
/** RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; what follows is ignored. */
const ROBOTS_LIMIT: SizeLimit = { bytes: 512 * 1024, subject: "a robots.txt", flag: "(no option)" };
const ROBOTS_FORBIDS = "robots.txt forbids it";
const ROBOTS_TOO_COSTLY = "robots.txt has too many patterns to check this URL against in reasonable time";

/** What robots.txt says for the whole site: its rules, or why every page is refused. */
type SiteRules = { robots: Robots; refusal?: undefined } | { refusal: string };

/** An outcome, with the kind of download failure behind a failed one. */
interface Attempted {
  outcome: PageOutcome;
  failure?: DownloadFailure;
}

const realSleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** "2 s", "1.5 s": waits in messages. */
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Retry-After in ms: delay-seconds, or an HTTP date (RFC 9110 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = text === "" ? NaN : Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export class SiteFetcher {
  private readonly concurrency: number;
  private readonly retries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly maxWaitMs: number;
  /** The pause between request starts: the option's, or robots.txt's Crawl-delay when that is longer. */
  private delayMs: number;
  /** Requests holding a slot of the host's queue, and those waiting for one (first come, first served). */
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Starts happen one after another along this chain, each at least `delayMs` after the one before. */
  private turns: Promise<void> = Promise.resolve();
  private lastStartAt = -Infinity;
  /** No request starts before this (a Retry-After pauses the whole host, not only the page that got it). */
  private pausedUntil = -Infinity;
  private rules: Promise<SiteRules> | undefined;
  /** The caller's headers, with the root's `user:password@` as Basic authentication: for every page. */
  private readonly headers: Record<string, string>;
  /** The rules once read, for the redirect check (which cannot wait). */
  private rulesRead: SiteRules | undefined;

  constructor(private readonly options: SiteFetcherOptions) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.delayMs = Math.max(0, options.delayMs ?? DEFAULT_DELAY_MS);
    this.headers = { ...withoutUserInfo(options.root.href, options.headers).headers };
  }

  /** Whether `url` belongs to the site: the start URL's origin. */
  onSite(url: URL): boolean {
    return url.origin === this.options.root.origin;
  }

  /** The sitemaps robots.txt lists (read once, like the rules). */
  async sitemaps(): Promise<string[]> {
    const rules = await this.siteRules();
    return rules.refusal === undefined ? rules.robots.sitemaps : [];
  }

  /**
   * Fetches one page. Callers may ask for many at once: the fetcher queues them. The outcome's url has
   * any `user:password@` removed.
   */
  async get(request: PageRequest): Promise<PageOutcome> {
    const url = new URL(request.url);
    const display = redactUrl(url);
    if (!this.onSite(url))
      return { kind: "refused", url: display, reason: `not on the site ${this.options.root.origin}` };
    const refusal = await this.refusal(url);
    if (refusal !== undefined) return { kind: "refused", url: display, reason: refusal };
    const headers: Record<string, string> = { ...this.headers };
    if (request.etag) headers["if-none-match"] = request.etag;
    if (request.lastModified) headers["if-modified-since"] = request.lastModified;
    const { outcome } = await this.fetchRetrying(url, {
      headers,
      textOnly: true,
      refuseRedirect: (next) => {
        if (!this.onSite(next)) return `redirected off the site to ${redactUrl(next)}`;
        // The rules are read by now: this page's own check waited for them.
        const forbidden = this.refusalBy(this.rulesRead, next);
        return forbidden === undefined ? undefined : `redirected to ${redactUrl(next)}, which ${forbidden}`;
      },
    });
    return outcome;
  }

  /** Why robots.txt refuses `url`, or undefined when it may be fetched. */
  private async refusal(url: URL): Promise<string | undefined> {
    // robots.txt itself is always allowed (RFC 9309 2.2.2), and reading it must not wait for itself.
    if (url.pathname === "/robots.txt") return undefined;
    return this.refusalBy(await this.siteRules(), url);
  }

  private refusalBy(rules: SiteRules | undefined, url: URL): string | undefined {
    if (rules === undefined || url.pathname === "/robots.txt") return undefined;
    if (rules.refusal !== undefined) return rules.refusal;
    const verdict = rules.robots.verdict(url.pathname + url.search);
    if (verdict === "allow") return undefined;
    return verdict === "disallow" ? ROBOTS_FORBIDS : ROBOTS_TOO_COSTLY;
  }

  /** robots.txt, fetched once through the same queue and retries as the pages. */
  private siteRules(): Promise<SiteRules> {
    this.rules ??= this.readRobots().then((rules) => (this.rulesRead = rules));
    return this.rules;
  }

  private async readRobots(): Promise<SiteRules> {
    const url = new URL("/robots.txt", this.options.root.origin);
    // Redirects are followed anywhere (RFC 9309 2.3.1.2); the credentials still go to the site's origin only.
    const { outcome, failure } = await this.fetchRetrying(url, {
      headers: this.headers,
      limit: ROBOTS_LIMIT,
      truncate: true,
    });
    if (outcome.kind === "fetched") {
      const robots = parseRobots(outcome.page.text);
      const delayMs = (robots.crawlDelaySeconds ?? 0) * 1000;
      if (delayMs > this.maxWaitMs)
        return {
          refusal: `robots.txt asks for ${seconds(delayMs)} between requests, longer than the ${seconds(this.maxWaitMs)} specsmith waits`,
        };
      this.delayMs = Math.max(this.delayMs, delayMs);
      return { robots };
    }
    if (outcome.kind !== "failed") return { robots: ALLOW_ALL };
    // A missing robots.txt (4xx), or one behind too many redirects, says nothing against crawling
    // (RFC 9309 2.3.1.2-3); 429 is a server asking to wait, like a 5xx.
    const status = outcome.status ?? 0;
    if ((status >= 400 && status < 500 && status !== 429) || failure === "redirect")
      return { robots: ALLOW_ALL };
    // A server error or no answer: RFC 9309 2.3.1.4 has the crawler assume the whole site is disallowed.
    return {
      refusal: `robots.txt could not be read (${outcome.reason}), and RFC 9309 then forbids the whole site`,
    };
  }

  /** Runs `work` in a slot of the host's queue, started in turn, at least the delay after the last start. */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else await new Promise<void>((take) => this.waiting.push(take));
    try {
      const turn = this.turns.then(async () => {
        const wait = Math.max(this.lastStartAt + this.delayMs, this.pausedUntil) - this.now();
        if (wait > 0) await this.sleep(wait);
        this.lastStartAt = this.now();
      });
      this.turns = turn.catch(() => undefined);
      await turn;
      return await work();
    } finally {
      // The slot passes straight to the first request waiting, so none can jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Downloads `url`, retrying on 429, 5xx and failed connections. */
  private async fetchRetrying(
    url: URL,
    fetchOptions: Pick<
      Parameters<typeof download>[1],
      "headers" | "limit" | "truncate" | "textOnly" | "refuseRedirect"
    >,
  ): Promise<Attempted> {
    const display = redactUrl(url);
    for (let attempt = 0; ; attempt++) {
      const tried = await this.inTurn(() =>
        download(url.href, {
          timeoutMs: this.options.timeoutMs,
          limit: this.options.limit,
          fetchImpl: this.options.fetchImpl,
          ...fetchOptions,
        }).then(
          (page) => ({ page }),
          (error: unknown) => ({ error }),
        ),
      );
      let reason: string;
      let status: number | undefined;
      let askedMs: number | undefined;
      if ("page" in tried) {
        const { page } = tried;
        if (page.status === 304) return { outcome: { kind: "unchanged", page } };
        if (page.status >= 200 && page.status <= 299) return { outcome: { kind: "fetched", page } };
        status = page.status;
        reason = `HTTP ${page.status} ${page.statusText}`.trim();
        if (status !== 429 && status < 500)
          return { outcome: { kind: "failed", url: display, reason, status } };
        askedMs = retryAfterMs(page.retryAfter, this.now());
      } else {
        const { error } = tried;
        if (error instanceof InputLimitError)
          return { outcome: { kind: "failed", url: display, reason: error.reason } };
        if (!(error instanceof DownloadError)) throw error;
        const failure = error.failure;
        if (failure === "refused-redirect" || failure === "not-text")
          return { outcome: { kind: "refused", url: display, reason: error.reason }, failure };
        if (failure !== "connect")
          return { outcome: { kind: "failed", url: display, reason: error.reason }, failure };
        reason = error.reason;
      }
      const failed = (why: string): Attempted => ({
        outcome: { kind: "failed", url: display, reason: why, ...(status === undefined ? {} : { status }) },
        ...(status === undefined ? { failure: "connect" as const } : {}),
      });
      if (attempt === this.retries)
        return failed(this.retries === 0 ? reason : `${reason} (after ${this.retries} retries)`);
      if (askedMs !== undefined && askedMs > this.maxWaitMs)
        return failed(
          `${reason}; the server asks to retry after ${seconds(askedMs)}, longer than the ${seconds(this.maxWaitMs)} specsmith waits`,
        );
      const waitMs = askedMs ?? this.backoff(attempt);
      // The server said when it can take requests again: none of ours starts before then.
      if (askedMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, this.now() + askedMs);
      if (waitMs > 0) await this.sleep(waitMs);
    }
  }

  /** The wait before retry `attempt + 1`: base x 2^attempt, with "equal jitter" (between half and all of it). */
  private backoff(attempt: number): number {
    const full = Math.min(this.maxWaitMs, (this.options.backoffMs ?? DEFAULT_BACKOFF_MS) * 2 ** attempt);
    return Math.round(full / 2 + (Math.random() * full) / 2);
  }
}
