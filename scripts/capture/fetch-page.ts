// One bounded download of one page: one timeout over the redirects and the body, at most MAX_REDIRECTS
// redirects to http(s) URLs, and the page size limit counted on the decompressed body as it arrives (a
// gzip bomb stops at the limit, never held whole in memory). `specsmith capture` and the site crawler
// both download through here; politeness (robots.txt, one host at a time, retries) lives above it.
import { UserError } from "../lib/errors.ts";
import { pageLimit, tooLarge, type SizeLimit } from "../lib/read-input.ts";
import { decodePage } from "../scrape/read-page.ts";

/** Redirects followed for one page before giving up. */
export const MAX_REDIRECTS = 5;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export interface FetchOptions {
  timeoutMs: number;
  limit?: SizeLimit;
  fetchImpl?: typeof fetch;
  /** Extra request headers (If-None-Match, a login cookie...). Sent only to the page's own origin. */
  headers?: Record<string, string>;
  /** Whether a redirect to `next` may be followed; the default follows any http(s) URL. */
  mayRedirect?: (next: URL) => boolean;
}

/** What one download gave: the final URL after redirects, the status and the headers a capture keeps. */
export interface FetchedPage {
  /** The URL the page came from after redirects. */
  url: string;
  status: number;
  statusText: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  retryAfter: string | null;
  /** The decoded text; empty for a 304 or an error status. */
  text: string;
  warnings: { line?: number; message: string }[];
}

/** Why a fetch or a body read failed, in words; a timeout names the time. */
function failure(error: unknown, timeoutMs: number, during: string): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return `timed out after ${timeoutMs / 1000}s${during}`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return during ? `the connection failed${during} (${cause})` : `could not connect (${cause})`;
}

/** Follows redirects by hand, so that there is a limit and only http(s) targets are fetched. */
async function fetchFollowing(
  url: string,
  signal: AbortSignal,
  options: FetchOptions,
): Promise<{ response: Response; url: string }> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const origin = new URL(url).origin;
  let current = url;
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    // The caller's headers (a cookie, a token) go to the page's own origin only, never where it redirects.
    const extra = new URL(current).origin === origin ? options.headers : undefined;
    try {
      response = await fetchImpl(current, {
        signal,
        headers: {
          "user-agent": "specsmith-capture",
          accept: "text/html, text/markdown, text/plain, */*",
          ...extra,
        },
        redirect: "manual",
      });
    } catch (error) {
      throw new UserError(failure(error, options.timeoutMs, ""), url);
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) return { response, url: current };
    await response.body?.cancel().catch(() => undefined);
    if (redirects === MAX_REDIRECTS) throw new UserError(`more than ${MAX_REDIRECTS} redirects`, url);
    const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
    if (next?.protocol !== "http:" && next?.protocol !== "https:")
      throw new UserError(`redirected to ${JSON.stringify(location)}, which is not an http(s) URL`, url);
    if (options.mayRedirect && !options.mayRedirect(next))
      throw new UserError(`redirected to ${next.href}, outside the site`, url);
    current = next.href;
  }
}

/** The body, at most `limit.bytes` of it after decompression; more is an error, and the rest is not read. */
async function readBody(
  response: Response,
  url: string,
  limit: SizeLimit,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  // Content-Length counts the bytes on the wire: only without a content encoding is it the page's size.
  if (!response.headers.get("content-encoding") && declared > limit.bytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, url, declared);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done) break;
      length += value.length;
      if (length > limit.bytes) {
        await reader?.cancel().catch(() => undefined);
        throw tooLarge(limit, url);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(failure(error, timeoutMs, " while reading the page"), url);
  }
  return Buffer.concat(chunks, length);
}

/** Decodes by the charset the server declares when it is one TextDecoder knows; UTF-8 otherwise. */
function decode(bytes: Buffer, contentType: string | null, url: string): ReturnType<typeof decodePage> {
  const charset = /;\s*charset="?([\w.:-]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8") {
    try {
      return { text: new TextDecoder(charset).decode(bytes).replace(/\r\n?/g, "\n"), warnings: [] };
    } catch {
      // Not a charset TextDecoder knows: read it as UTF-8, with warnings where that fails.
    }
  }
  return decodePage(bytes, url);
}

/**
 * Downloads `url` within the options' limits and reports what came back, whatever the status: a 304, a
 * 429 or a 500 is a result for the caller to judge (retry, keep the old page), not an exception. Only
 * what no status describes (no connection, a timeout, too many redirects, a page over the size limit)
 * throws a UserError naming the URL.
 */
export async function download(url: string, options: FetchOptions): Promise<FetchedPage> {
  const limit = options.limit ?? pageLimit();
  const signal = AbortSignal.timeout(options.timeoutMs);
  const { response, url: finalUrl } = await fetchFollowing(url, signal, options);
  const header = (name: string) => response.headers.get(name);
  const page: FetchedPage = {
    url: finalUrl,
    status: response.status,
    statusText: response.statusText,
    contentType: header("content-type"),
    etag: header("etag"),
    lastModified: header("last-modified"),
    retryAfter: header("retry-after"),
    text: "",
    warnings: [],
  };
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return page;
  }
  const bytes = await readBody(response, url, limit, options.timeoutMs);
  const { text, warnings } = decode(bytes, page.contentType, url);
  return { ...page, text, warnings };
}

/** The text of `url`, which must answer 2xx with a non-empty page: anything else is a UserError. */
export async function fetchPage(
  url: string,
  options: FetchOptions,
): Promise<{ text: string; warnings: { line?: number; message: string }[] }> {
  const page = await download(url, options);
  if (page.status < 200 || page.status > 299)
    throw new UserError(`HTTP ${page.status} ${page.statusText}`.trim(), url);
  if (page.text.trim() === "") throw new UserError("the server returned an empty page", url);
  return { text: page.text, warnings: page.warnings };
}
