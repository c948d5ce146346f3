// Request bodies by media type, and response bodies by content type, read under a size limit.
import { encodeForm, encodeMultipart } from "./encode.js";
import { ResponseTooLargeError } from "./errors.js";

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

/**
 * What a binary field or body (`format: binary`, a file part) takes. A File keeps its name in a
 * multipart body; a Blob or bytes go as a file part too.
 */
export type Uploadable = Blob | File | Uint8Array | ReadableStream<Uint8Array>;

/** A binary value as openapi-typescript types it (`string`), widened to every Uploadable. */
export type UploadField<V> = V extends readonly (infer I)[]
  ? UploadField<I>[]
  : V extends string
    ? V | Uploadable
    : V;

/** `T` whose binary properties `K` take Uploadable values (arrays of them for arrays), optionality kept. */
export type WithUploads<T, K extends keyof T> = Omit<T, K> & {
  [P in keyof Pick<T, K>]: UploadField<Pick<T, K>[P]>;
};

function isStream(value: unknown): value is ReadableStream {
  return typeof ReadableStream !== "undefined" && value instanceof ReadableStream;
}

/**
 * The body with every ReadableStream in it (the body itself, a field, an item of a field) read into a
 * Blob. A stream can be read once, so it could not be sent again on retry, and FormData takes no
 * streams: its bytes are held in memory for the call instead.
 */
export async function bufferStreams(body: unknown): Promise<unknown> {
  const toBlob = (value: unknown): Promise<unknown> =>
    isStream(value) ? new Response(value).blob() : Promise.resolve(value);
  if (isStream(body)) return toBlob(body);
  if (
    !isRecord(body) ||
    !Object.values(body).some((v) => isStream(v) || (Array.isArray(v) && v.some(isStream)))
  )
    return body;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    Object.defineProperty(out, key, {
      value: Array.isArray(value) ? await Promise.all(value.map(toBlob)) : await toBlob(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The body as fetch takes it, for the operation's request media type. */
export function encodeBody(mediaType: string, value: unknown): EncodedBody {
  if (value === undefined) return {};
  // HttpClient.request reads streams into Blobs first (bufferStreams); unread, one would go as "{}".
  if (isStream(value)) throw new TypeError("A ReadableStream body must be read into a Blob first");
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

/** Content codings that leave the body's size as it is on the wire. */
const IDENTITY = new Set(["", "identity"]);

/**
 * The body's bytes, at most `maxBytes` of them: a larger body is cancelled as soon as the count passes the
 * limit, so it is never held whole. Counted as fetch delivers it, after decompression, so a gzip bomb
 * stops at the limit too; a Content-Length above the limit fails before reading (only without a content
 * coding, where it is the decoded size).
 */
export async function readBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new ResponseTooLargeError(maxBytes, response.status, response.headers);
  const coding = (response.headers.get("content-encoding") ?? "").trim().toLowerCase();
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (IDENTITY.has(coding) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The parsed response body: JSON when the content type says so (and `asText` does not), text otherwise, undefined for HEAD,
 * no-content statuses and empty bodies. Throws ResponseTooLargeError past `maxBytes`.
 */
export async function readBody(
  response: Response,
  method: string,
  maxBytes: number,
  asText = false,
): Promise<ReadBody> {
  if (method === "HEAD" || NO_BODY.has(response.status)) {
    await response.body?.cancel().catch(() => undefined);
    return { data: undefined };
  }
  // As response.text() decodes: UTF-8, a byte order mark dropped, invalid bytes replaced.
  const text = new TextDecoder().decode(await readBytes(response, maxBytes));
  if (text === "") return { data: asText ? "" : undefined };
  if (asText || !isJSONType(response.headers.get("content-type") ?? "")) return { data: text };
  try {
    return { data: JSON.parse(text) as unknown };
  } catch {
    return { data: text, invalidJSON: true };
  }
}
