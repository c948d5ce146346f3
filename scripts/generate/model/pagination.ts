// Which list operations page, and how: detected from the success body's fields and the query parameters.
import type { PaginationModel, ParameterModel } from "./codegen-model.ts";
import { derefObject, isObject } from "../../spec/pointer.ts";
import { successSchema } from "./responses.ts";

type Json = Record<string, unknown>;

export function detectPagination(
  document: Json,
  op: Json,
  statuses: string[],
  params: ParameterModel[],
): PaginationModel | undefined {
  const schema = successSchema(document, op, statuses);
  const properties = isObject(schema?.properties) ? (schema.properties as Json) : undefined;
  if (!properties) return undefined;
  const query = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  const arrayField = Object.keys(properties).find(
    (k) => derefObject(document, properties[k])?.type === "array",
  );
  if (properties.data && properties.has_more && query.has("starting_after")) {
    return { kind: "stripe", itemsField: "data", cursorParam: "starting_after" };
  }
  for (const [field, param] of [
    ["next_cursor", "cursor"],
    ["nextCursor", "cursor"],
    ["next_page_token", "page_token"],
    ["nextPageToken", "pageToken"],
  ] as const) {
    if (properties[field] && query.has(param) && arrayField)
      return { kind: "cursor", itemsField: arrayField, cursorField: field, cursorParam: param };
  }
  if (properties.next && arrayField && derefObject(document, properties.next)?.type !== "object") {
    return { kind: "nextLink", itemsField: arrayField, linkField: "next" };
  }
  return undefined;
}
