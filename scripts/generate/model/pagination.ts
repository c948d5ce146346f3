// Which list operations page, and how: detected from the success body's fields, its declared headers
// and the query parameters, by rules on names every style uses (no per-API tables). In order:
//   stripe       `data` + `has_more` in the body, `starting_after` in the query (the last item's id).
//   cursor       a body field `next_<p>` / `next<P>` sent back as the query parameter `<p>` (`next_cursor`
//                -> `cursor`, `nextPageToken` -> `pageToken`, Stripe search's `next_page` -> `page`), or
//                the last item's id in the body (`last_id`) sent as `after` (OpenAI); a `has_more` flag
//                beside it ends the list.
//   linkHeader   the success response declares a `Link` header (GitHub), or the query has a cursor
//                (`after`, `cursor`) that the body does not carry; the items are the body or its array.
//   nextLink     a `next` URL field in the body.
//   pageNumber   a `page` query parameter (with `per_page`-like size and `total_pages` when present).
//   offset       an `offset` query parameter (with `limit` and a `total`-like count when present).
import type { PaginationModel, ParameterModel } from "./codegen-model.ts";
import { derefObject, isObject } from "../../spec/pointer.ts";
import { successSchema } from "./responses.ts";

type Json = Record<string, unknown>;

const PAGE_SIZE_PARAMS = ["per_page", "perPage", "page_size", "pageSize", "limit", "size"];
const TOTAL_PAGES_FIELDS = ["total_pages", "totalPages", "page_count", "pageCount"];
const TOTAL_COUNT_FIELDS = ["total", "total_count", "totalCount", "count", "total_results", "totalResults"];
const HAS_MORE_FIELDS = ["has_more", "hasMore"];
const LAST_ID_FIELDS = ["last_id", "lastId"];
const CURSOR_PARAMS = ["after", "cursor"];

function hasType(schema: Json | undefined, type: string): boolean {
  const declared = schema?.type;
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

/** Whether a success response declares a `Link` header (header names are case-insensitive). */
function declaresLinkHeader(document: Json, op: Json, statuses: string[]): boolean {
  const responses = isObject(op.responses) ? op.responses : {};
  return statuses.some((status) => {
    const headers = derefObject(document, responses[status])?.headers;
    return isObject(headers) && Object.keys(headers).some((name) => name.toLowerCase() === "link");
  });
}

export function detectPagination(
  document: Json,
  op: Json,
  statuses: string[],
  params: ParameterModel[],
): PaginationModel | undefined {
  const schema = successSchema(document, op, statuses);
  if (!schema) return undefined;
  const query = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  // A cursor parameter (`after`, `cursor`) whose next value the body does not carry can only be given
  // by the headers: GitHub's cursor lists send it in `Link` without always declaring the header.
  const headerCursor = CURSOR_PARAMS.some((p) => query.has(p));
  const linkHeader = declaresLinkHeader(document, op, statuses);
  const firstOf = (names: string[], has: (name: string) => boolean) => names.find(has);

  if (hasType(schema, "array")) {
    // The body is the list: only the headers or the query can say how to go on.
    if (linkHeader || headerCursor) return { kind: "linkHeader", itemsField: "" };
    return numberedOrOffset("", query, () => false);
  }
  const properties = isObject(schema.properties) ? (schema.properties as Json) : undefined;
  if (!properties) return undefined;
  const has = (name: string) => Object.hasOwn(properties, name);
  const typeOf = (name: string) => derefObject(document, properties[name]);
  const arrayFields = Object.keys(properties).filter((k) => hasType(typeOf(k), "array"));
  const itemsField = arrayFields.includes("data") ? "data" : arrayFields[0];
  if (itemsField === undefined) return undefined;
  const hasMoreField = firstOf(HAS_MORE_FIELDS, has);

  if (itemsField === "data" && hasMoreField === "has_more" && query.has("starting_after")) {
    return { kind: "stripe", itemsField: "data", cursorParam: "starting_after" };
  }
  for (const param of [...query].sort()) {
    const capitalised = param.charAt(0).toUpperCase() + param.slice(1);
    const cursor = firstOf([`next_${param}`, `next${capitalised}`], has);
    if (cursor === undefined || hasType(typeOf(cursor), "object")) continue;
    // A `next_page` that is a URL is a next link, not a token to send back.
    if (typeOf(cursor)?.format === "uri") return { kind: "nextLink", itemsField, linkField: cursor };
    return cursorModel(itemsField, cursor, param, hasMoreField);
  }
  const lastId = firstOf(LAST_ID_FIELDS, has);
  if (lastId !== undefined && query.has("after"))
    return cursorModel(itemsField, lastId, "after", hasMoreField);
  if (linkHeader) return { kind: "linkHeader", itemsField };
  if (has("next") && !hasType(typeOf("next"), "object")) {
    return { kind: "nextLink", itemsField, linkField: "next" };
  }
  return (
    numberedOrOffset(itemsField, query, has) ??
    (headerCursor ? { kind: "linkHeader", itemsField } : undefined)
  );
}

function cursorModel(
  itemsField: string,
  cursorField: string,
  cursorParam: string,
  hasMoreField: string | undefined,
): PaginationModel {
  return { kind: "cursor", itemsField, cursorField, cursorParam, ...(hasMoreField ? { hasMoreField } : {}) };
}

function numberedOrOffset(
  itemsField: string,
  query: Set<string>,
  has: (field: string) => boolean,
): PaginationModel | undefined {
  if (query.has("page")) {
    const sizeParam = PAGE_SIZE_PARAMS.find((p) => query.has(p));
    const totalPagesField = TOTAL_PAGES_FIELDS.find(has);
    return {
      kind: "pageNumber",
      itemsField,
      pageParam: "page",
      ...(sizeParam ? { sizeParam } : {}),
      ...(totalPagesField ? { totalPagesField } : {}),
    };
  }
  if (query.has("offset")) {
    const limitParam = query.has("limit") ? "limit" : undefined;
    const totalField = TOTAL_COUNT_FIELDS.find(has);
    return {
      kind: "offset",
      itemsField,
      offsetParam: "offset",
      ...(limitParam ? { limitParam } : {}),
      ...(totalField ? { totalField } : {}),
    };
  }
  return undefined;
}
