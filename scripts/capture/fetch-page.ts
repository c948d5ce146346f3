// One bounded download of one page: one timeout over the redirects and the body, at most MAX_REDIRECTS
// redirects to http(s) URLs, and the page size limit counted on the decompressed body as it arrives (a
// gzip bomb stops at the limit, never held whole in memory). `specsmith capture` and the site crawler
// both download through here; politeness (robots.txt, one host at a time, retries) lives above it
// (site-fetcher.ts). Credentials (the caller's headers, a `user:password@` in the URL) go to the page's own
// origin only and never into a message: every URL a message names has its user info removed.
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
  /**
   * Why a redirect to `next` may not be followed ("redirected off the site to ..."), or undefined when it
   * may; without it any http(s) URL is followed. A refusal is a DownloadError "refused-redirect".
   */
  refuseRedirect?: (next: URL) => string | undefined;
  /**
   * Past the size limit, keep what came so far instead of failing (robots.txt: RFC 9309 lets a crawler
   * ignore what follows its first 500 KiB). The text is cut after its last complete line.
   */
  truncate?: boolean;
  /** Refuse a body that is not text (an image, a PDF) before reading it: a DownloadError "not-text". */
  textOnly?: boolean;
}

/** What went wrong with a download that no HTTP status describes; the crawler retries "connect" only. */
export type DownloadFailure =
  "connect" | "timeout" | "redirect" | "refused-redirect" | "not-text" | "request";

/** A download that failed without a status: `reason` is the message without the URL in front. */
export class DownloadError extends UserError {
  constructor(
    readonly reason: string,
    url: string,
    readonly failure: DownloadFailure,
  ) {
    super(reason, redactUrl(url));
    this.name = "DownloadError";
  }
}

/** `url` without the `user:password@` it may hold, for messages; the text as it is when it is no URL. */
export function redactUrl(url: string | URL): string {
  const parsed = typeof url === "string" ? (URL.canParse(url) ? new URL(url) : undefined) : new URL(url);
  if (!parsed || (parsed.username === "" && parsed.password === "")) return String(url);
  parsed.username = "";
  parsed.password = "";
  return parsed.href;
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

/**
 * Why a fetch or a body read failed, in words; a timeout names the time. Only a network error's own cause
 * (ECONNREFUSED...) is quoted: fetch's other errors quote the request, headers and credentials included.
 */
function failure(error: unknown, url: string, timeoutMs: number, during: string): DownloadError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError")
    return new DownloadError(`timed out after ${timeoutMs / 1000}s${during}`, url, "timeout");
  if (!(error instanceof Error && error.cause instanceof Error))
    return new DownloadError(`the request could not be made${during}`, url, "request");
  const cause = error.cause.message;
  return new DownloadError(
    during ? `the connection failed${during} (${cause})` : `could not connect (${cause})`,
    url,
    "connect",
  );
}

/** A header name as HTTP allows it (RFC 9110 token); values may not hold line breaks or NUL. */
const TOKEN = /^[\w!#$%&'*+.^`|~-]+$/;

/**
 * Refuses headers fetch would refuse with their text in its message: the message names the header only
 * when its name is valid (a bad "name" may be a whole `Authorization Bearer ...` line).
 */
function checkHeaders(headers: Record<string, string> | undefined, url: string): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!TOKEN.test(name))
      throw new DownloadError("a request header's name has characters HTTP does not allow", url, "request");
    if (/[\0\r\n]/.test(value))
      throw new DownloadError(`the ${name} header has a line break or NUL in its value`, url, "request");
  }
}

/**
 * The URL to request and the headers for its origin: `user:password@` in the URL is sent as HTTP Basic
 * authentication (as curl does), unless the caller gives its own Authorization; fetch refuses such a URL.
 */
export function withoutUserInfo(
  url: string,
  headers: Record<string, string> | undefined,
): { url: string; headers: Record<string, string> | undefined } {
  const parsed = new URL(url);
  if (parsed.username === "" && parsed.password === "") return { url, headers };
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text; // a stray `%`: sent as written
    }
  };
  const user = `${decode(parsed.username)}:${decode(parsed.password)}`;
  const given = Object.keys(headers ?? {}).some((name) => name.toLowerCase() === "authorization");
  if (given) return { url: redactUrl(parsed), headers };
  return {
    url: redactUrl(parsed),
    headers: { ...headers, authorization: `Basic ${Buffer.from(user).toString("base64")}` },
  };
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
  const visited = [url];
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
      throw failure(error, url, options.timeoutMs, "");
    }
    const location = response.headers.get("location");
    if (!REDIRECTS.has(response.status) || location === null) return { response, url: current };
    await response.body?.cancel().catch(() => undefined);
    const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
    if (next?.protocol !== "http:" && next?.protocol !== "https:")
      throw new DownloadError(
        `redirected to ${JSON.stringify(redactUrl(location))}, which is not an http(s) URL`,
        url,
        "redirect",
      );
    if (visited.includes(next.href))
      throw new DownloadError(
        `redirects in a loop: ${[...visited, next.href].map(redactUrl).join(" -> ")}`,
        url,
        "redirect",
      );
    if (redirects === MAX_REDIRECTS)
      throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`, url, "redirect");
    const refusal = options.refuseRedirect?.(next);
    if (refusal !== undefined) throw new DownloadError(refusal, url, "refused-redirect");
    visited.push(next.href);
    current = next.href;
  }
}

/**
 * The body, at most `limit.bytes` of it after decompression; more is an error (or, with `truncate`, the
 * end of what is kept), and the rest is not read.
 */
async function readBody(response: Response, url: string, options: FetchOptions, limit: SizeLimit) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  // Content-Length counts the bytes on the wire: only without a content encoding is it the page's size.
  if (!options.truncate && !response.headers.get("content-encoding") && declared > limit.bytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, redactUrl(url), declared);
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done) break;
      if (length + value.length > limit.bytes) {
        await reader?.cancel().catch(() => undefined);
        if (!options.truncate) throw tooLarge(limit, redactUrl(url));
        chunks.push(value.subarray(0, limit.bytes - length));
        const kept = Buffer.concat(chunks, limit.bytes);
        return kept.subarray(0, kept.lastIndexOf(0x0a) + 1);
      }
      length += value.length;
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw failure(error, url, options.timeoutMs, " while reading the page");
  }
  return Buffer.concat(chunks, length);
}

/** Media types read as text: text/*, JSON, XML and YAML (llms.txt, sitemaps, OpenAPI documents), or none. */
function isTextType(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "" || type.startsWith("text/") || type === "application/octet-stream") return true;
  const subtype = type.slice(type.indexOf("/") + 1);
  return ["json", "xml", "yaml", "x-yaml", "javascript"].some(
    (kind) => subtype === kind || subtype.endsWith(`+${kind}`),
  );
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
  return decodePage(bytes, redactUrl(url));
}

/**
 * Downloads `url` within the options' limits and reports what came back, whatever the status: a 304, a
 * 429 or a 500 is a result for the caller to judge (retry, keep the old page), not an exception. Only
 * what no status describes (no connection, a timeout, too many redirects, a page over the size limit)
 * throws a UserError naming the URL: a DownloadError, or an InputLimitError for the size limit.
 */
export async function download(url: string, options: FetchOptions): Promise<FetchedPage> {
  const limit = options.limit ?? pageLimit();
  const signal = AbortSignal.timeout(options.timeoutMs);
  checkHeaders(options.headers, url);
  const request = withoutUserInfo(url, options.headers);
  const { response, url: finalUrl } = await fetchFollowing(request.url, signal, {
    ...options,
    headers: request.headers,
  });
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
  if (options.textOnly && !isTextType(page.contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new DownloadError(`not a text page (${page.contentType})`, url, "not-text");
  }
  const bytes = await readBody(response, request.url, options, limit);
  // A NUL byte early on: an image or an archive served without a type, or as octet-stream.
  if (options.textOnly && bytes.subarray(0, 8192).includes(0))
    throw new DownloadError(
      `not a text page (binary data, served as ${page.contentType ?? "no type"})`,
      url,
      "not-text",
    );
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
    throw new UserError(`HTTP ${page.status} ${page.statusText}`.trim(), redactUrl(url));
  if (page.text.trim() === "") throw new UserError("the server returned an empty page", redactUrl(url));
  return { text: page.text, warnings: page.warnings };
}
