// Request bodies by media type, and response bodies by content type.
import { encodeForm, encodeMultipart } from "./encode.js";

export interface EncodedBody {
  body?: RequestInit["body"];
  /** The Content-Type to send; undefined for multipart, whose boundary fetch writes itself. */
  contentType?: string;
}

function baseType(mediaType: string): string {
  return (mediaType.split(";")[0] ?? "").trim().toLowerCase();
}

export function isJSONType(mediaType: string): boolean {
  const base = baseType(mediaType);
  return base === "application/json" || base.endsWith("+json");
}

export function isFormType(mediaType: string): boolean {
  return baseType(mediaType) === "application/x-www-form-urlencoded";
}

function isRawBody(value: unknown): boolean {
  return (
    typeof value === "string" ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== "undefined" && value instanceof Blob)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The body as fetch takes it, for the operation's request media type. */
export function encodeBody(mediaType: string, value: unknown): EncodedBody {
  if (value === undefined) return {};
  // A stream can be read once, so it could not be sent again on retry (and Node's fetch wants extra
  // options for it): callers pass a Blob instead, which is also lazy about its bytes.
  if (typeof ReadableStream !== "undefined" && value instanceof ReadableStream) {
    throw new TypeError("Stream request bodies are not supported: pass a Blob, string or bytes");
  }
  const base = baseType(mediaType);
  if (isJSONType(mediaType)) return { body: JSON.stringify(value), contentType: mediaType };
  if (isFormType(mediaType)) {
    if (typeof value === "string") return { body: value, contentType: mediaType };
    if (value instanceof URLSearchParams) return { body: value.toString(), contentType: mediaType };
    if (!isRecord(value)) throw new TypeError(`A ${base} body must be an object`);
    return { body: encodeForm(value), contentType: mediaType };
  }
  if (base === "multipart/form-data") {
    if (value instanceof FormData) return { body: value };
    if (!isRecord(value)) throw new TypeError(`A ${base} body must be an object`);
    return { body: encodeMultipart(value) };
  }
  if (base.startsWith("text/")) return { body: String(value), contentType: mediaType };
  // Binary and unknown media types: bytes, blobs and strings go as they are, anything else as JSON.
  if (isRawBody(value)) return { body: value as RequestInit["body"], contentType: mediaType };
  return { body: JSON.stringify(value), contentType: mediaType };
}

export interface ReadBody {
  data: unknown;
  /** The content type said JSON but the text did not parse; `data` is then the text. */
  invalidJSON?: true;
}

/** Statuses that never carry a body. */
const NO_BODY = new Set([204, 205, 304]);

/**
 * The parsed response body: JSON when the content type says so, text otherwise, undefined for HEAD,
 * no-content statuses and empty bodies.
 */
export async function readBody(response: Response, method: string): Promise<ReadBody> {
  if (method === "HEAD" || NO_BODY.has(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    return { data: undefined };
  }
  const text = await response.text();
  if (text === "") return { data: undefined };
  if (!isJSONType(response.headers.get("content-type") ?? "")) return { data: text };
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return { data: text, invalidJSON: true };
  }
}
