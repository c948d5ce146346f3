// Redirects are followed here, not by fetch: fetch drops only Authorization when a redirect leaves the
// origin, so an API-key header, a key in the query or a cookie would go wherever a 3xx points. Each hop
// is sent with `redirect: "manual"`; a hop to an origin that is not the API's goes without any credential
// (see auth.ts, credentialScope), and stays without for the rest of the chain.
import type { CredentialScope } from "./auth.js";
import { RedirectError } from "./errors.js";
import { containsSecret } from "./redact.js";

/** fetch's own limit (the Fetch standard's). */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a request body; dropped with the body when a redirect turns the request into a GET. */
const BODY_HEADERS = [
  "content-type",
  "content-length",
  "content-encoding",
  "content-language",
  "content-location",
];

/**
 * The API's origins: the base URL's and every server the spec declares (document, path and operation
 * servers, their variables expanded). A relative server URL resolves against the base URL, as the spec
 * resolves it against where the document is served; one that does not parse is skipped.
 */
export function apiOrigins(baseURL: string, servers: readonly string[]): Set<string> {
  const origins = new Set<string>();
  let base: URL | undefined;
  try {
    base = new URL(baseURL);
    origins.add(base.origin);
  } catch {
    // An invalid base URL fails each request with a clear error (client.ts); it adds no origin.
  }
  for (const server of servers) {
    try {
      const url = new URL(server, base);
      if (url.protocol === "http:" || url.protocol === "https:") origins.add(url.origin);
    } catch {
      continue;
    }
  }
  return origins;
}

export interface RedirectRequest {
  url: string;
  init: RequestInit & { headers: Headers };
  signal: AbortSignal;
  fetch: typeof fetch;
  apiOrigins: ReadonlySet<string>;
  credentials: CredentialScope;
  /** Whether sending the request again is safe (an idempotent method, or an idempotency key). */
  repeatable: boolean;
}

function isRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) && response.headers.has("location");
}

/** Whether the request (its headers and URL) carries any credential. */
function carriesCredential(url: URL, headers: Headers, credentials: CredentialScope): boolean {
  let found = containsSecret(url.href, credentials.secrets);
  headers.forEach((value, name) => {
    if (credentials.isCredentialHeader(name, value)) found = true;
  });
  for (const [name, value] of url.searchParams) if (credentials.isCredentialQuery(name, value)) found = true;
  return found;
}

/** Removes every credential header; the headers left are what another origin may see. */
function dropCredentialHeaders(headers: Headers, credentials: CredentialScope): void {
  const names: string[] = [];
  headers.forEach((value, name) => {
    if (credentials.isCredentialHeader(name, value)) names.push(name);
  });
  for (const name of names) headers.delete(name);
}

/**
 * A redirect target on another origin without its credential query parameters (a server that redirects
 * often copies the query into Location). Refused when a credential is still in it (its path, its host).
 */
function foreignTarget(target: URL, credentials: CredentialScope): URL {
  const kept = [...target.searchParams].filter(
    ([name, value]) => !credentials.isCredentialQuery(name, value),
  );
  if (kept.length !== [...target.searchParams].length) {
    // Rebuilt only when something was removed, so the query of an untouched URL keeps its exact bytes.
    target.search = new URLSearchParams(kept).toString();
  }
  target.username = "";
  target.password = "";
  if (containsSecret(target.href, credentials.secrets)) {
    throw new RedirectError("the redirect target carries a credential and is on another origin");
  }
  return target;
}

/**
 * Sends the request and follows its redirects as fetch would (301/302 turn a POST into a GET, 303 turns
 * anything but HEAD into a GET, both without the body; 307/308 resend it; at most MAX_REDIRECTS hops; a
 * request seen before is a loop), except that no credential goes to another origin than the API's.
 * Returns the first response that is not a redirect. A browser hides manual redirects (an opaque
 * response): a request that carries a credential then fails with RedirectError, since where it would go
 * cannot be checked; one without is sent again and left to the browser, when that is safe to repeat.
 */
export async function fetchFollowingRedirects(request: RedirectRequest): Promise<Response> {
  const { credentials } = request;
  let url = new URL(request.url);
  let method = (request.init.method ?? "GET").toUpperCase();
  let body = request.init.body;
  const headers = new Headers(request.init.headers);
  const seen = new Set<string>();
  for (let hops = 0; ; hops++) {
    seen.add(`${method} ${url.href}`);
    const init: RequestInit = {
      ...request.init,
      method,
      headers,
      redirect: "manual",
      signal: request.signal,
    };
    if (body === undefined || body === null) delete init.body;
    else init.body = body;
    const response = await request.fetch(url.href, init);
    if (response.type === "opaqueredirect") {
      if (carriesCredential(url, headers, credentials) || !request.repeatable) {
        throw new RedirectError(
          "the response is a redirect this environment hides (an opaque redirect), so the client cannot " +
            "check that the request's credentials stay with the API; use the final URL as the baseURL",
        );
      }
      return request.fetch(url.href, { ...init, redirect: "follow" });
    }
    if (!isRedirect(response)) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hops >= MAX_REDIRECTS) throw new RedirectError(`more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(response.headers.get("location") ?? "", url);
    } catch {
      throw new RedirectError(`a ${response.status} redirect with a Location that is not a URL`);
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      throw new RedirectError(`a ${response.status} redirect to a URL that is not http(s)`);
    }
    next.hash = "";
    const status = response.status;
    if ((status === 303 && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      for (const name of BODY_HEADERS) headers.delete(name);
    }
    if (!request.apiOrigins.has(next.origin)) {
      dropCredentialHeaders(headers, credentials);
      next = foreignTarget(next, credentials);
    }
    if (seen.has(`${method} ${next.href}`)) throw new RedirectError("a redirect loop");
    url = next;
  }
}
