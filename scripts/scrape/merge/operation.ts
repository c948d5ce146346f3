// Builds one OpenAPI operation from the fragments the join put together: summary and description,
// parameters (path parameters guaranteed, credential and content headers moved where they belong), the
// request body with its media type, and the responses.
import type {
  Fact,
  FieldFragment,
  JsonSchema,
  ParameterFragment,
  ParameterLocation,
  Source,
} from "../fragment.ts";
import { STRENGTH_RANK } from "../fragment.ts";
import { mergeObjectFields, mergeSingleField } from "./field-tree.ts";
import type { OperationGroup, PlacedFragment } from "./join.ts";
import { formatSource, type MergeLog } from "./merge-log.ts";
import { chooseOperationId, MAX_OPERATION_ID_LENGTH } from "./naming.ts";
import { planResponses, type ComponentRegistry, type ResponsePlan } from "./responses.ts";
import { getOwn, setOwn } from "../../lib/own.ts";
import { pathParamNames } from "../../lib/route.ts";

export interface OperationContext {
  log: MergeLog;
  registry: ComponentRegistry;
  credentialHeaders: Set<string>;
  /** The media type most operations of the API use, for bodies whose page does not say. */
  apiContentType: { value: string; sources: Source[] } | undefined;
}

export interface BuiltOperation {
  method: string;
  path: string;
  subject: string;
  operation: Record<string, unknown>;
  /** The responses the operation's pages show (and the one that stands in when they show none). */
  responses: ResponsePlan[];
  sources: Source[];
}

const LOCATION_ORDER: Record<ParameterLocation, number> = { path: 0, query: 1, header: 2, cookie: 3 };
const BODYLESS = new Set(["get", "head", "delete", "options", "trace"]);

function strongest<T>(facts: (Fact<T> | undefined)[]): Fact<T> | undefined {
  const present = facts.filter((f): f is Fact<T> => f !== undefined);
  return present.reduce<Fact<T> | undefined>((best, f) => {
    if (!best) return f;
    const diff = STRENGTH_RANK[f.strength] - STRENGTH_RANK[best.strength];
    if (diff > 0) return f;
    // Equal strength: the fuller text, since captures cut text short.
    if (diff === 0 && typeof f.value === "string" && String(f.value).length > String(best.value).length)
      return f;
    return best;
  }, undefined);
}

function uniqueOperationId(base: string, used: Set<string>): string {
  let id = base;
  for (let i = 2; used.has(id); i++) id = `${base}${i}`;
  used.add(id);
  return id;
}

export function buildOperation(
  group: OperationGroup,
  ctx: OperationContext,
  usedIds: Set<string>,
): BuiltOperation {
  const { log } = ctx;
  const subject = `${group.method.toUpperCase()} ${group.path}`;
  const ops = group.fragments.map((f) => f.op);
  const operation: Record<string, unknown> = {};

  const title = strongest(ops.map((o) => o.title));
  const stated = strongest(ops.map((o) => o.operationId));
  const chosen = chooseOperationId({
    method: group.method,
    path: group.path,
    ...(stated ? { stated: stated.value } : {}),
    ...(title ? { title: title.value } : {}),
  });
  operation.operationId = uniqueOperationId(chosen.id, usedIds);
  if (stated && chosen.from !== "stated") {
    const origin =
      chosen.from === "title" && title
        ? `from the title "${title.value}"`
        : chosen.from === "shape"
          ? `from the route's REST shape`
          : "from the method and path";
    log.decide(
      "inference",
      subject,
      `operationId "${String(operation.operationId)}" ${origin}; the renderer's name "${stated.value}" ` +
        `is not a camelCase verb + noun of at most ${MAX_OPERATION_ID_LENGTH} characters, and is kept as ` +
        `x-renderer-operation-id`,
      [...(chosen.from === "title" && title ? [title.source] : []), stated.source],
    );
    operation["x-renderer-operation-id"] = stated.value;
  } else if (chosen.from === "shape" || chosen.from === "route") {
    log.decide(
      "inference",
      subject,
      `operationId "${String(operation.operationId)}" from the ${chosen.from === "shape" ? "route's REST shape" : "method and path"}: ` +
        `no page states a name or a short title for it`,
      ops.map((o) => o.source).slice(0, 1),
    );
  }
  const summary = title ?? strongest(ops.map((o) => o.summary));
  if (summary) operation.summary = summary.value;
  const description = strongest(ops.map((o) => o.description));
  if (description) operation.description = description.value;
  if (ops.some((o) => o.deprecated?.value)) operation.deprecated = true;
  recordProvenance(log, subject, "summary", summary);
  recordProvenance(log, subject, "description", description);

  const { parameters, contentTypeFacts, movedToQuery } = planParameters(group, ctx, subject);
  if (parameters.length > 0) operation.parameters = parameters;
  const body = planBody(group, ctx, subject, contentTypeFacts, movedToQuery);
  if (body) operation.requestBody = body;

  const responses = planResponses(subject, group.path, group.fragments, ctx.registry, log);
  return {
    method: group.method,
    path: group.path,
    subject,
    operation,
    responses,
    sources: ops.map((o) => o.source),
  };
}

function recordProvenance(
  log: MergeLog,
  owner: string,
  fact: string,
  value: Fact<unknown> | undefined,
): void {
  if (value) log.record({ owner, fact, source: value.source, strength: value.strength, also: [] });
}

function paramKey(p: ParameterFragment): string {
  const name = p.path[0] ?? "";
  return `${p.in}:${p.in === "header" ? name.toLowerCase() : name}`;
}

interface ParameterPlan {
  parameters: Record<string, unknown>[];
  contentTypeFacts: Fact<string>[];
  /** Body fields a page listed, without showing a body, for a method that has none (a GET): the query. */
  movedToQuery: boolean;
}

/**
 * Whether a page shows a request body as such: a JSON Schema block of the body, its media type or an
 * example of it. Such a body stays a body whatever the method (a DELETE may carry one); only fields a
 * page merely lists without showing a body, on a method that usually has none, are read as the query.
 */
function bodyIsShown(group: OperationGroup): boolean {
  return group.fragments.some(({ op }) => {
    const body = op.requestBody;
    return (
      body !== undefined &&
      (body.contentType !== undefined ||
        body.example !== undefined ||
        body.fields.some((f) => f.strength === "schema"))
    );
  });
}

function planParameters(group: OperationGroup, ctx: OperationContext, subject: string): ParameterPlan {
  const { log } = ctx;
  const all: ParameterFragment[] = group.fragments.flatMap((f) => f.op.parameters);
  let movedToQuery = false;
  if (BODYLESS.has(group.method) && !bodyIsShown(group)) {
    const bodyFields = group.fragments.flatMap((f) => f.op.requestBody?.fields ?? []);
    if (bodyFields.length > 0) {
      movedToQuery = true;
      all.push(
        ...bodyFields
          .filter((f) => f.path.length === 1)
          .map((f): ParameterFragment => ({ ...f, in: "query" })),
      );
      log.decide(
        "inference",
        subject,
        `${group.method.toUpperCase()} has no body: fields documented as body fields are query parameters`,
        [...new Set(bodyFields.map((f) => f.source))].slice(0, 3),
      );
    }
  }
  const contentTypeFacts: Fact<string>[] = [];
  const grouped = new Map<string, ParameterFragment[]>();
  for (const p of all) {
    const name = p.path[0] ?? "";
    const lower = name.toLowerCase();
    if (p.in === "header" && (lower === "content-type" || lower === "accept")) {
      const value = (p.schema?.default ?? (p.schema?.enum as unknown[] | undefined)?.[0]) as unknown;
      if (lower === "content-type" && typeof value === "string") {
        contentTypeFacts.push({ value, source: p.source, strength: p.strength });
      }
      log.decide(
        "dropped",
        `${subject} header ${name}`,
        `the ${name} header is not a parameter in OpenAPI; ${lower === "content-type" ? "it sets the request media type" : "response media types say it"}`,
        [p.source],
      );
      continue;
    }
    if (p.in === "header" && ctx.credentialHeaders.has(lower)) {
      log.decide(
        "dropped",
        `${subject} header ${name}`,
        `${name} carries credentials: described by the security scheme`,
        [p.source],
      );
      continue;
    }
    const key = paramKey(p);
    grouped.set(key, [...(grouped.get(key) ?? []), p]);
  }
  for (const name of pathParamNames(group.path)) {
    if (grouped.has(`path:${name}`)) continue;
    const source = group.fragments.find((f) => f.op.path)?.op.path?.source ?? group.fragments[0]?.op.source;
    if (!source) continue;
    grouped.set(`path:${name}`, [
      { in: "path", path: [name], schema: { type: "string" }, required: true, source, strength: "example" },
    ]);
    log.decide(
      "inference",
      `${subject} path.${name}`,
      `path parameter "${name}" is in the path but documented by no page: a required string`,
      [source],
    );
  }
  const parameters: { order: [number, number]; value: Record<string, unknown> }[] = [];
  let index = 0;
  for (const fragments of grouped.values()) {
    const first = fragments[0];
    if (!first) continue;
    const name = first.path[0] ?? "";
    const merged = mergeSingleField(fragments as FieldFragment[], {
      log,
      subject: `${subject} ${first.in}.${name}`,
      owner: subject,
      factPrefix: `${first.in}.${name}`,
    });
    const { description, deprecated, ...schema } = merged.schema;
    const param: Record<string, unknown> = { name, in: first.in };
    if (typeof description === "string") param.description = description;
    param.required = first.in === "path" ? true : merged.required;
    if (deprecated) param.deprecated = true;
    param.schema = Object.keys(schema).length > 0 ? schema : { type: "string" };
    if (first.in === "query" && isObjectSchema(schema)) {
      param.style = "deepObject";
      param.explode = true;
      log.decide(
        "inference",
        `${subject} query.${name}`,
        "an object in the query string: deepObject style (name[key]=value)",
        [first.source],
      );
    }
    parameters.push({ order: [LOCATION_ORDER[first.in], index++], value: param });
  }
  parameters.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return { parameters: parameters.map((p) => p.value), contentTypeFacts, movedToQuery };
}

function isObjectSchema(schema: JsonSchema): boolean {
  const t = schema.type;
  return t === "object" || (Array.isArray(t) && t.includes("object"));
}

function planBody(
  group: OperationGroup,
  ctx: OperationContext,
  subject: string,
  headerFacts: Fact<string>[],
  movedToQuery: boolean,
): Record<string, unknown> | undefined {
  const { log } = ctx;
  if (movedToQuery) return undefined;
  const bodies = group.fragments.flatMap((f: PlacedFragment) => (f.op.requestBody ? [f.op.requestBody] : []));
  const fields = bodies.flatMap((b) => b.fields);
  const contentFacts = [...bodies.flatMap((b) => (b.contentType ? [b.contentType] : [])), ...headerFacts];
  if (fields.length === 0 && !bodies.some((b) => b.example)) return undefined;

  const chosen = strongest(contentFacts);
  let contentType: string;
  if (chosen) {
    contentType = chosen.value;
    for (const f of contentFacts) {
      if (f.value !== chosen.value) {
        log.decide(
          "conflict",
          `${subject} requestBody`,
          `media type ${chosen.value} (${chosen.strength}, ${formatSource(chosen.source)}) kept over ${f.value} (${f.strength}, ${formatSource(f.source)})`,
          [chosen.source, f.source],
        );
      }
    }
    log.record({
      owner: subject,
      fact: "requestBody media type",
      source: chosen.source,
      strength: chosen.strength,
      also: contentFacts.filter((f) => f !== chosen).map((f) => f.source),
    });
  } else if (ctx.apiContentType) {
    contentType = ctx.apiContentType.value;
    log.decide(
      "inference",
      `${subject} requestBody`,
      `no page states this body's media type; ${contentType}, as the API's other operations use`,
      ctx.apiContentType.sources.slice(0, 3),
    );
  } else {
    contentType = "application/json";
    log.decide(
      "inference",
      `${subject} requestBody`,
      "no page states the media type of any body; application/json assumed",
      [],
    );
  }

  const schema = mergeObjectFields(fields, {
    log,
    subject: `${subject} body`,
    owner: subject,
    factPrefix: "body.",
  });
  const media: Record<string, unknown> = { schema };
  const example = bodies.find((b) => b.example)?.example;
  if (example) media.example = example.value;
  if (contentType === "application/x-www-form-urlencoded" || contentType === "multipart/form-data") {
    const encoding = formEncoding(schema);
    if (Object.keys(encoding).length > 0) media.encoding = encoding;
  }
  const body: Record<string, unknown> = { content: { [contentType]: media } };
  const requiredFact = strongest(bodies.map((b) => b.required));
  if (requiredFact) body.required = requiredFact.value;
  else if (Array.isArray(schema.required) && schema.required.length > 0) body.required = true;
  return body;
}

/** Nested objects and arrays in a form body are sent with bracket names (a[b]=c, a[0]=x): deepObject. */
function formEncoding(schema: JsonSchema): Record<string, unknown> {
  const encoding: Record<string, unknown> = {};
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const name of Object.keys(properties).sort()) {
    const p = (getOwn(properties, name) ?? {}) as JsonSchema;
    const types = [p.type].flat();
    if (types.includes("object") || types.includes("array") || p.anyOf || p.oneOf) {
      setOwn(encoding, name, { style: "deepObject", explode: true });
    }
  }
  return encoding;
}
