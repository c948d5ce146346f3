// The request body of an operation: the media type the client sends, whether its properties travel in
// the params object, and where its schema is, for the validators and the types.
import type { BodyModel } from "./codegen-model.ts";
import { derefObject, escapeSegment, isObject } from "../../spec/pointer.ts";
import { pickMedia } from "./operation.ts";
import { responseKind } from "./responses.ts";
import { isFormType, isJSONType } from "../../../templates/runtime/body.ts";

type Json = Record<string, unknown>;

export function bodyOf(document: Json, path: string, method: string, op: Json): BodyModel | undefined {
  const requestBody = derefObject(document, op.requestBody);
  const mediaType = pickMedia(requestBody?.content);
  if (!mediaType) return undefined;
  const content = requestBody?.content as Json;
  const schema = derefObject(document, (content[mediaType] as Json | undefined)?.schema);
  const isObj =
    schema?.type === "object" ||
    isObject(schema?.properties) ||
    (Array.isArray(schema?.type) && schema.type.includes("object"));
  const body: BodyModel = {
    mediaType,
    required: requestBody?.required === true,
    isObject: Boolean(isObj),
    hasRequiredProperties: Array.isArray(schema?.required) && schema.required.length > 0,
    schemaPointer: ["", "paths", path, method, "requestBody", "content", mediaType, "schema"]
      .map(escapeSegment)
      .join("/"),
  };
  const rawSchema = (content[mediaType] as Json | undefined)?.schema;
  if (rawSchema !== undefined) body.schema = rawSchema;
  if (!body.isObject && responseKind(mediaType) === "binary") body.binary = true;
  const properties = isObject(schema?.properties) ? schema.properties : {};
  const binaryFields = Object.keys(properties).filter((key) => {
    const property = derefObject(document, properties[key]);
    return (
      isBinary(property) || (property?.type === "array" && isBinary(derefObject(document, property.items)))
    );
  });
  // JSON and form bodies cannot carry bytes (the runtime refuses a file in a form): only multipart and
  // other media types take uploads for their binary fields.
  if (body.isObject && binaryFields.length > 0 && !isCheckedBody(mediaType))
    body.binaryFields = binaryFields.sort();
  return body;
}

/**
 * A schema for bytes: `format: binary` (OpenAPI 3.0's file), or a `contentMediaType` without a
 * `contentEncoding` (3.1's raw bytes of that type; with an encoding it is text such as base64).
 */
function isBinary(schema: Json | undefined): boolean {
  if (!schema) return false;
  const isString = schema.type === "string" || (Array.isArray(schema.type) && schema.type.includes("string"));
  return (
    (isString && schema.format === "binary") ||
    (typeof schema.contentMediaType === "string" &&
      schema.contentEncoding === undefined &&
      schema.type !== "object")
  );
}

/** The request body's `content` map as the spec has it, for the README's example. */
export function bodyContent(document: Json, op: Json): Json {
  return derefObject(document, op.requestBody)?.content as Json;
}

/**
 * Bodies the client checks before sending: those the runtime encodes as JSON or as a form (the same
 * test). Multipart and raw bodies carry Blobs and streams where their schemas say `type: string, format:
 * binary`, which no value check can confirm; they are sent unchecked.
 */
export function isCheckedBody(mediaType: string): boolean {
  return isJSONType(mediaType) || isFormType(mediaType);
}
