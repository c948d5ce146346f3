// Turns request values into wire text: form bodies (Stripe's bracket convention), query strings (OpenAPI
// 3.1 parameter styles), path segments and multipart bodies. Pure functions, no I/O.
//
// Brackets: the structural brackets of nested names (`a[b][0]`) are written literally, as Stripe's own
// SDKs send them, in both form bodies and deepObject queries; each name segment inside them is
// percent-encoded, so a `[` that is part of a key (`metadata["a[b]"]`) travels as %5B and never reads as
// structure. Servers that follow RFC 3986 decode both forms the same way.

import { ownValue } from "./own.js";

export type QueryStyle = "form" | "deepObject" | "spaceDelimited" | "pipeDelimited";

export interface QueryParam {
  name: string;
  value: unknown;
  style?: QueryStyle;
  explode?: boolean;
}

const enc = encodeURIComponent;

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function isBinary(value: unknown): value is ArrayBuffer | ArrayBufferView {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** An object whose own keys are the data: not an array, date, file or byte buffer. */
function isStructured(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !isBlob(value) &&
    !isBinary(value)
  );
}

function validDate(value: Date): Date {
  if (Number.isNaN(value.getTime())) throw new TypeError("Invalid Date cannot be sent");
  return value;
}

/** Text of a scalar; dates as ISO 8601 (what `format: date-time` means). */
function scalarText(value: unknown): string {
  if (value instanceof Date) return validDate(value).toISOString();
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return String(value);
}

// ---------------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded, Stripe style

/**
 * Stripe's form encoding: nested objects and arrays as bracketed names with array indices
 * (`items[0][price]=p_1`), `null` and `""` as `key=` (Stripe reads an empty value as "unset"), empty
 * objects and arrays as nothing, undefined skipped, dates as unix seconds.
 */
export function encodeForm(body: Record<string, unknown>): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(body)) appendForm(pairs, enc(key), value);
  return pairs.join("&");
}

function appendForm(pairs: string[], name: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    pairs.push(`${name}=`);
  } else if (value instanceof Date) {
    pairs.push(`${name}=${Math.floor(validDate(value).getTime() / 1000)}`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => appendForm(pairs, `${name}[${index}]`, item));
  } else if (isBlob(value) || isBinary(value)) {
    throw new TypeError(`Form field ${decodeURIComponent(name)} is a file: send it as multipart/form-data`);
  } else if (isStructured(value)) {
    for (const [key, item] of Object.entries(value)) appendForm(pairs, `${name}[${enc(key)}]`, item);
  } else {
    pairs.push(`${name}=${enc(String(value))}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Query strings, OpenAPI 3.1 parameter serialization

/**
 * One query string (without `?`) from parameters in spec order. Defaults follow OpenAPI: style `form`,
 * explode true for `form`, false otherwise. Undefined values and empty arrays/objects are skipped;
 * `null` is sent as an empty value. Values nested inside a non-deepObject object are sent as JSON, as
 * OpenAPI leaves them undefined.
 */
export function encodeQuery(params: QueryParam[]): string {
  const pairs: string[] = [];
  for (const param of params) {
    const style = param.style ?? "form";
    const explode = param.explode ?? style === "form";
    appendQuery(pairs, param.name, param.value, style, explode);
  }
  return pairs.join("&");
}

function appendQuery(
  pairs: string[],
  name: string,
  value: unknown,
  style: QueryStyle,
  explode: boolean,
): void {
  if (value === undefined) return;
  const key = enc(name);
  if (style === "deepObject") {
    appendDeep(pairs, key, value);
    return;
  }
  const delimiter = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "|" : ",";
  if (Array.isArray(value)) {
    const items = value.filter((v) => v !== undefined).map((v) => (v === null ? "" : enc(scalarText(v))));
    if (items.length === 0) return;
    if (explode) for (const item of items) pairs.push(`${key}=${item}`);
    else pairs.push(`${key}=${items.join(delimiter)}`);
  } else if (isStructured(value)) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [enc(k), v === null ? "" : enc(scalarText(v))] as const);
    if (entries.length === 0) return;
    if (explode) for (const [k, v] of entries) pairs.push(`${k}=${v}`);
    else pairs.push(`${key}=${entries.map(([k, v]) => `${k}${delimiter}${v}`).join(delimiter)}`);
  } else {
    pairs.push(`${key}=${value === null ? "" : enc(scalarText(value))}`);
  }
}

/** deepObject: `name[a][b]=v`, arrays by index `name[a][0]=v`, recursively. */
function appendDeep(pairs: string[], name: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    pairs.push(`${name}=`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => appendDeep(pairs, `${name}[${index}]`, item));
  } else if (isStructured(value)) {
    for (const [key, item] of Object.entries(value)) appendDeep(pairs, `${name}[${enc(key)}]`, item);
  } else {
    pairs.push(`${name}=${enc(scalarText(value))}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Path templates

/** `.` and `..` segments, in any spelling URL parsers normalise (`%2e`, `.%2E`...). */
function isDotSegment(segment: string): boolean {
  const plain = segment.replace(/%2e/gi, ".");
  return plain === "." || plain === "..";
}

function pathValueText(name: string, value: unknown): string {
  if (value === undefined || value === null) throw new TypeError(`Missing required path parameter "${name}"`);
  if (Array.isArray(value)) return value.map((v) => enc(scalarText(v))).join(",");
  if (isStructured(value) || isBlob(value) || isBinary(value)) {
    throw new TypeError(`Path parameter "${name}" must be a string or number`);
  }
  const text = scalarText(value);
  if (text === "") throw new TypeError(`Path parameter "${name}" must not be empty`);
  return enc(text);
}

/**
 * Fills `{name}` placeholders with percent-encoded values. A `/` in a value is encoded (%2F) so it stays
 * inside its segment, and a value that would make a whole segment `.` or `..` is refused: URL parsers,
 * fetch included, resolve those segments and the request would reach a different endpoint.
 */
export function encodePath(template: string, params: Record<string, unknown>): string {
  return template
    .split("/")
    .map((segment) => {
      const names: string[] = [];
      const filled = segment.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
        names.push(name);
        return pathValueText(name, ownValue(params, name));
      });
      if (names.length > 0 && isDotSegment(filled)) {
        throw new TypeError(`Path parameter "${names.join('", "')}" must not be "." or ".."`);
      }
      return filled;
    })
    .join("/");
}

// ---------------------------------------------------------------------------------------------------
// multipart/form-data

/**
 * A FormData body: Blob and File values become file parts (a File keeps its name; byte arrays become
 * unnamed Blobs), nested objects and arrays use bracket names like the form encoding (`meta[a]`,
 * `tags[0]`), dates are ISO 8601, other scalars text, `null` an empty part, undefined skipped. fetch
 * writes the multipart boundary into the Content-Type header itself.
 */
export function encodeMultipart(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) appendPart(form, key, value);
  return form;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined) return;
  if (value === null) {
    form.append(name, "");
  } else if (isBlob(value)) {
    form.append(name, value);
  } else if (isBinary(value)) {
    form.append(name, new Blob([value] as ConstructorParameters<typeof Blob>[0]), "blob");
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => appendPart(form, `${name}[${index}]`, item));
  } else if (isStructured(value)) {
    for (const [key, item] of Object.entries(value)) appendPart(form, `${name}[${key}]`, item);
  } else {
    form.append(name, scalarText(value));
  }
}
