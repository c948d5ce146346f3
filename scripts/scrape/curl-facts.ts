// What a request example states besides its method and URL: the credentials its headers or `-u` carry, the
// media type of the body it sends, and the server in front of the documented path. Every extractor that
// reads curl commands (and the generic one, raw HTTP requests) needs these facts. They are read here once so
// that the same example means the same security, media type and server whichever page format shows it.
import type { SecurityHint } from "./fragment.ts";
import type { CurlCommand } from "./text.ts";

/**
 * Headers that carry credentials: names with key, token, auth or secret in them. An idempotency key is
 * not a credential, nor are the content and accept headers.
 */
export function isCredentialHeader(name: string): boolean {
  return /key|token|auth|secret/i.test(name) && !/idempotency|^content-|^accept/i.test(name);
}

/**
 * What one request header says about authentication: an Authorization header is HTTP bearer or basic by
 * its scheme word, and an API key in that header otherwise; any other credential header is an API key.
 */
export function securityFromHeader(name: string, value: string): SecurityHint | undefined {
  if (/^authorization$/i.test(name)) {
    if (/^bearer\b/i.test(value)) return { type: "http", scheme: "bearer" };
    if (/^basic\b/i.test(value)) return { type: "http", scheme: "basic" };
    return { type: "apiKey", in: "header", name };
  }
  return isCredentialHeader(name) ? { type: "apiKey", in: "header", name } : undefined;
}

// A credential in the query string: "?api_key=...", "&access_token=...".
const QUERY_CREDENTIAL = /[?&]([\w.-]*(?:api[_-]?key|apikey|access[_-]?token|token)[\w.-]*)=/i;

/**
 * The security a curl command shows, each scheme once: `-u user:password` is HTTP basic, credential
 * headers are read by securityFromHeader, and a key in the URL's query string is an API key in the query.
 */
export function securityFromCurl(curl: CurlCommand): SecurityHint[] {
  const hints: SecurityHint[] = [];
  const add = (hint: SecurityHint | undefined): void => {
    if (hint && !hints.some((h) => JSON.stringify(h) === JSON.stringify(hint))) hints.push(hint);
  };
  if (curl.user !== undefined) add({ type: "http", scheme: "basic" });
  for (const { name, value } of curl.headers) add(securityFromHeader(name, value));
  const queryKey = QUERY_CREDENTIAL.exec(curl.url)?.[1];
  if (queryKey) add({ type: "apiKey", in: "query", name: queryKey });
  return hints;
}

/**
 * The bare media type of a Content-Type or Accept value, lowercased: parameters (charset, boundary) and
 * alternatives dropped, "application/json; charset=utf-8" -> "application/json". Undefined for a value
 * that is not a media type, and for the wildcard.
 */
export function mediaTypeOf(value: string): string | undefined {
  const first = value.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ?? "";
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(first) && first !== "*/*" ? first : undefined;
}

/** A `-d` argument that is a JSON document rather than `key=value` pairs. */
export function isJsonData(argument: string): boolean {
  return /^\s*[{[]/.test(argument);
}

/**
 * The media type of the body a curl command sends: its Content-Type header when it has one, else what
 * curl itself sends: `-F` is multipart, `-d` with a JSON document JSON, other `-d` data a form. With `-G`
 * the data goes into the query string and there is no body.
 */
export function requestMediaType(curl: CurlCommand): string | undefined {
  if (curl.get) return undefined;
  const header = curl.headers.find((h) => /^content-type$/i.test(h.name));
  const stated = header ? mediaTypeOf(header.value) : undefined;
  if (stated) return stated;
  if (curl.form.length > 0) return "multipart/form-data";
  if (curl.data.some(isJsonData)) return "application/json";
  if (curl.data.length > 0) return "application/x-www-form-urlencoded";
  return undefined;
}

/** Percent-decoding as forms use it ("+" is a space) that keeps malformed escapes ("100%") as written. */
function decodeFormText(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

export interface FormPair {
  name: string;
  /** Undefined when the pair has no "=". */
  value?: string;
}

/**
 * The fields of `-d key=value` data, `-F` form fields or a query string's pairs: each split at its first
 * "=" and percent-decoded. Splitting data at "&" is left to the caller, as `-F` values may hold one.
 */
export function formPairs(pairs: string[]): FormPair[] {
  return pairs.map((pair) => {
    const eq = pair.indexOf("=");
    const name = decodeFormText((eq >= 0 ? pair.slice(0, eq) : pair).trim());
    return eq >= 0 ? { name, value: decodeFormText(pair.slice(eq + 1)) } : { name };
  });
}
