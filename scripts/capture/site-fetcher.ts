// Downloads the pages of one documentation site for the crawler. This first version only bounds each
// download (fetch-page.ts) and keeps to the site; politeness (robots.txt, one host at a time with a
// concurrency limit and a delay, retries with backoff on 429 and 5xx honouring Retry-After) is built
// behind the same interface.
import { UserError } from "../lib/errors.ts";
import type { SizeLimit } from "../lib/read-input.ts";
import { download, type FetchedPage } from "./fetch-page.ts";

export interface SiteFetcherOptions {
  /** The start URL: the site is its origin, and pages are kept under its path prefix by the crawler. */
  root: URL;
  /** Per page, redirects and body included. */
  timeoutMs: number;
  limit?: SizeLimit;
  /** Requests in flight at once to the site's host. */
  concurrency?: number;
  /** Pause between the start of two requests to the host. */
  delayMs?: number;
  /** Retries of a page that answered 429 or 5xx or could not connect. */
  retries?: number;
  /** Headers for docs behind a login (`--header`, `--cookie`): sent to the site's origin only, never logged. */
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
  /** Waits; tests pass a fake clock. */
  sleep?: (ms: number) => Promise<void>;
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
  /** Not fetched: robots.txt forbids it, or it (or a redirect) leads off the site. */
  | { kind: "refused"; url: string; reason: string }
  /** Fetched and failed for good (after retries): the reason names the status or the error. */
  | { kind: "failed"; url: string; reason: string; status?: number };

export class SiteFetcher {
  constructor(private readonly options: SiteFetcherOptions) {}

  /** Whether `url` belongs to the site: the start URL's origin. */
  onSite(url: URL): boolean {
    return url.origin === this.options.root.origin;
  }

  async get(request: PageRequest): Promise<PageOutcome> {
    const url = new URL(request.url);
    if (!this.onSite(url)) return { kind: "refused", url: request.url, reason: "not on the site" };
    const headers: Record<string, string> = { ...this.options.headers };
    if (request.etag) headers["if-none-match"] = request.etag;
    if (request.lastModified) headers["if-modified-since"] = request.lastModified;
    try {
      const page = await download(request.url, {
        timeoutMs: this.options.timeoutMs,
        limit: this.options.limit,
        fetchImpl: this.options.fetchImpl,
        headers,
        mayRedirect: (next) => this.onSite(next),
      });
      if (page.status === 304) return { kind: "unchanged", page };
      if (page.status >= 200 && page.status <= 299) return { kind: "fetched", page };
      return {
        kind: "failed",
        url: request.url,
        status: page.status,
        reason: `HTTP ${page.status} ${page.statusText}`.trim(),
      };
    } catch (error) {
      if (error instanceof UserError) return { kind: "failed", url: request.url, reason: error.message };
      throw error;
    }
  }
}
