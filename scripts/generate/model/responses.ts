// The responses of an operation: each status with the media type of its body, which of them are the
// success the call returns, and the success body's schema (pagination reads it).
import type { ResponseKind, ResponseModel } from "./codegen-model.ts";
import { derefObject, isObject, unescapeSegment } from "../../spec/pointer.ts";
import { pickMedia } from "./operation.ts";

type Json = Record<string, unknown>;

export function responsesOf(document: Json, op: Json): ResponseModel[] {
  const responses = isObject(op.responses) ? op.responses : {};
  return Object.keys(responses)
    .sort()
    .map((status) => {
      const r = derefObject(document, responses[status]);
      const media = pickMedia(r?.content);
      if (!media) return { status };
      const kind = responseKind(media);
      const model: ResponseModel = { status, mediaType: media, kind };
      const schemaKey = componentSchemaKey((r?.content as Json)[media]);
      if (schemaKey !== undefined) model.schemaKey = schemaKey;
      if (kind === "sse") {
        const content = r?.content as Json;
        const schema = derefObject(document, (content[media] as Json | undefined)?.schema);
        model.eventData = schema === undefined ? "auto" : schema.type === "string" ? "text" : "json";
      }
      return model;
    });
}

const SCHEMA_REF = "#/components/schemas/";

/**
 * The key under components.schemas of a media type object's schema when it is a plain `$ref` to one, so
 * every operation that documents it (Stripe's `error`) names one type. Undefined for anything else (an
 * inline schema, a ref into another file or deeper into a schema, a percent-encoded key).
 */
function componentSchemaKey(media: unknown): string | undefined {
  const ref = isObject(media) && isObject(media.schema) ? media.schema.$ref : undefined;
  if (typeof ref !== "string" || !ref.startsWith(SCHEMA_REF)) return undefined;
  const segment = ref.slice(SCHEMA_REF.length);
  return segment === "" || segment.includes("/") || segment.includes("%")
    ? undefined
    : unescapeSegment(segment);
}

/** Text media types outside text/*: read as a string, not handed over as bytes. */
const TEXT_TYPES = new Set([
  "application/xml",
  "application/javascript",
  "application/yaml",
  "application/x-yaml",
  "application/x-www-form-urlencoded",
  "application/x-ndjson",
]);

/**
 * How a body of `mediaType` is read. JSON (and wildcards, which mostly mean JSON) as today; anything
 * neither JSON nor text is bytes.
 */
export function responseKind(mediaType: string): ResponseKind {
  const base = (mediaType.split(";")[0] ?? "").trim().toLowerCase();
  if (base === "text/event-stream") return "sse";
  if (base === "application/json" || base.endsWith("+json") || base.includes("*")) return "json";
  if (base.startsWith("text/") || base.endsWith("+xml") || TEXT_TYPES.has(base)) return "text";
  return "binary";
}

/** The 2xx statuses; `default` alone when the spec documents no 2xx but a default. */
export function successStatusesOf(responses: ResponseModel[]): string[] {
  const statuses = responses.filter((r) => /^2(\d\d|XX)$/i.test(r.status)).map((r) => r.status);
  if (statuses.length === 0 && responses.some((r) => r.status === "default")) return ["default"];
  return statuses;
}

/**
 * The error statuses the spec documents ("404", "4XX", "default"): the 4xx and 5xx ones, and `default`
 * where it is not the success.
 */
export function errorStatusesOf(responses: ResponseModel[], successStatuses: string[]): string[] {
  return responses
    .map((r) => r.status)
    .filter((status) => !successStatuses.includes(status) && /^([45](\d\d|XX)|default)$/i.test(status));
}

/** The schema of the first success status with a body, dereferenced. */
export function successSchema(document: Json, op: Json, statuses: string[]): Json | undefined {
  const responses = isObject(op.responses) ? op.responses : {};
  for (const status of statuses) {
    const response = derefObject(document, responses[status]);
    const content = isObject(response?.content) ? response.content : undefined;
    const media = pickMedia(content);
    const schema =
      media && content ? derefObject(document, (content[media] as Json | undefined)?.schema) : undefined;
    if (schema) return schema;
  }
  return undefined;
}
