// The merge: every page's fragments in, one OpenAPI 3.1 document out, with the log of every decision.
// This is the only place that decides between sources.
import type { JsonSchema, ListedOperation, PageFragment, Source } from "../fragment.ts";
import { HTTP_METHODS } from "../fragment.ts";
import { mergeObjectFields } from "./field-tree.ts";
import { rebaseOnSiteBase } from "./site-base.ts";
import { joinOperations } from "./join.ts";
import type { UnplacedOperation } from "./placement.ts";
import { MergeLog } from "./merge-log.ts";
import { buildOperation, type BuiltOperation, type OperationContext } from "./operation.ts";
import { unifyPathParameters } from "./path-params.ts";
import { ComponentRegistry, STATUS_NOT_SHOWN, type ComponentDraft, type ResponsePlan } from "./responses.ts";
import { credentialHeaders, planSecurity, planServers } from "./security.ts";

export interface MergeInput {
  title: string;
  version: string;
  description?: string;
  servers: { url: string; description?: string }[];
  pages: PageFragment[];
}

export type UndocumentedOperation = ListedOperation;

export interface MergeResult {
  document: Record<string, unknown>;
  log: MergeLog;
  operations: { subject: string; operationId: string; sources: Source[] }[];
  /** Operations some page lists (a sidebar) that no page documents. */
  undocumented: UndocumentedOperation[];
  /** Operations a page documents without method or path that nothing places: kept for the report. */
  unplaced: UnplacedOperation[];
}

function apiContentType(pages: PageFragment[]): OperationContext["apiContentType"] {
  const counts = new Map<string, Source[]>();
  for (const page of pages) {
    for (const op of page.operations) {
      const ct = op.requestBody?.contentType;
      if (ct) {
        const sources = counts.get(ct.value);
        if (sources) sources.push(ct.source);
        else counts.set(ct.value, [ct.source]);
      }
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const top = ranked[0];
  return top ? { value: top[0], sources: top[1] } : undefined;
}

function toResponsesObject(plans: ResponsePlan[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const plan of plans) {
    const response: Record<string, unknown> = { description: plan.description };
    if (plan.statusNotShown) response[STATUS_NOT_SHOWN] = true;
    if (plan.ref) {
      const media: Record<string, unknown> = { schema: { $ref: `#/components/schemas/${plan.ref}` } };
      if (plan.example !== undefined) media.example = plan.example;
      response.content = { [plan.contentType ?? "application/json"]: media };
    }
    out[plan.status] = response;
  }
  return out;
}

function normalizeTitle(t: string): string {
  return t.toLowerCase().replace(/\s+/g, " ").trim();
}

function findUndocumented(pages: PageFragment[], built: BuiltOperation[]): UndocumentedOperation[] {
  // Most sites list nothing (no sidebar captured): then there is nothing to match.
  if (!pages.some((p) => p.listedOperations.length > 0)) return [];
  // The titles of the page operations behind each source, found by source once rather than by searching
  // every page's operations for every built operation (n^2 on a whole site).
  const titlesBySource = new Map<Source, string[]>();
  for (const page of pages) {
    for (const o of page.operations) {
      if (o.title === undefined) continue;
      const titles = titlesBySource.get(o.source);
      if (titles) titles.push(o.title.value);
      else titlesBySource.set(o.source, [o.title.value]);
    }
  }
  const documented = built.map((b) => ({
    method: b.method,
    titles: new Set(
      [b.operation.summary, ...b.sources.flatMap((s) => titlesBySource.get(s) ?? [])]
        .filter((t): t is string => typeof t === "string")
        .map(normalizeTitle),
    ),
  }));
  const out: UndocumentedOperation[] = [];
  const seen = new Set<string>();
  for (const page of pages) {
    for (const listed of page.listedOperations) {
      const title = normalizeTitle(listed.title);
      const matched = documented.some(
        (d) => d.titles.has(title) && (!listed.method || listed.method === d.method),
      );
      const key = `${listed.method ?? ""} ${title}`;
      if (!matched && !seen.has(key)) {
        seen.add(key);
        out.push(listed);
      }
    }
  }
  return out;
}

function buildComponents(registry: ComponentRegistry, log: MergeLog): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  for (const name of [...registry.objects.keys()].sort()) {
    const draft = registry.objects.get(name);
    if (!draft) continue;
    const owner = `components.schemas.${name}`;
    const schema = mergeObjectFields(draft.fields, { log, subject: owner, owner, factPrefix: "" });
    tagObjectField(schema, draft, owner, log);
    schema.title = name;
    schemas[name] = schema;
  }
  for (const name of [...registry.lists.keys()].sort()) {
    const draft = registry.lists.get(name);
    if (!draft) continue;
    const owner = `components.schemas.${name}`;
    const schema = mergeObjectFields(draft.envelopeFields, { log, subject: owner, owner, factPrefix: "" });
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    properties.data = { type: "array", items: { $ref: `#/components/schemas/${draft.item}` } };
    if (properties.object && (properties.object as JsonSchema).type === "string") {
      properties.object = { type: "string", enum: ["list"] };
    }
    schema.properties = Object.fromEntries(
      Object.keys(properties)
        .sort()
        .map((k) => [k, properties[k]]),
    );
    schema.required = ["data"];
    schema.title = name;
    schemas[name] = schema;
    log.decide("inference", owner, `list envelope around ${draft.item}: data holds the items`, draft.sources);
  }
  return schemas;
}

/**
 * A field named "object" that every example fills with the same string is the object's type tag
 * (Stripe's "identity.verification_session"): it becomes a one-value enum.
 */
function tagObjectField(schema: JsonSchema, draft: ComponentDraft, owner: string, log: MergeLog): void {
  const object = (schema.properties as Record<string, JsonSchema> | undefined)?.object;
  if (!object || object.enum || draft.objectTags.length === 0) return;
  const values = new Set(draft.objectTags.map((t) => t.value));
  const [only] = values;
  if (values.size !== 1 || typeof only !== "string") return;
  object.enum = [only];
  log.decide(
    "inference",
    `${owner} object`,
    `every example gives "object: ${only}": a constant type tag`,
    draft.objectTags.map((t) => t.source),
  );
}

export function mergePages(input: MergeInput): MergeResult {
  const log = new MergeLog();
  const pages = rebaseOnSiteBase(input.pages, log);
  const { groups, unplaced } = joinOperations(pages);
  unifyPathParameters(groups, log);
  for (const g of groups) {
    const route = `${g.method.toUpperCase()} ${g.path}`;
    for (const j of g.joins) log.decide("join", route, j.message(route), j.sources);
  }
  const schemes = planSecurity(pages, log);
  const servers = planServers(input.servers, pages, log);
  const registry = new ComponentRegistry();
  const ctx: OperationContext = {
    log,
    registry,
    credentialHeaders: credentialHeaders(schemes),
    apiContentType: apiContentType(pages),
  };
  const usedIds = new Set<string>();
  // Each operation states the responses its own pages show: an error response one page documents is not
  // copied to the others (the pages do not say they share it).
  const built = groups.map((g) => buildOperation(g, ctx, usedIds));

  const paths: Record<string, Record<string, unknown>> = {};
  for (const b of [...built].sort((a, b) =>
    a.path < b.path
      ? -1
      : a.path > b.path
        ? 1
        : HTTP_METHODS.indexOf(a.method as never) - HTTP_METHODS.indexOf(b.method as never),
  )) {
    b.operation.responses = toResponsesObject(
      [...b.responses].sort((x, y) => (x.status < y.status ? -1 : 1)),
    );
    paths[b.path] ??= {};
    (paths[b.path] as Record<string, unknown>)[b.method] = b.operation;
  }
  const components: Record<string, unknown> = {};
  const schemas = buildComponents(registry, log);
  if (Object.keys(schemas).length > 0) components.schemas = schemas;
  if (schemes.length > 0) {
    components.securitySchemes = Object.fromEntries(schemes.map((s) => [s.name, s.scheme]));
  }
  const info: Record<string, unknown> = { title: input.title, version: input.version };
  if (input.description) info.description = input.description;
  const document: Record<string, unknown> = { openapi: "3.1.0", info };
  if (servers.length > 0) document.servers = servers;
  if (schemes.length > 0) document.security = schemes.map((s) => ({ [s.name]: [] }));
  document.paths = paths;
  if (Object.keys(components).length > 0) document.components = components;
  return {
    document,
    log,
    operations: built.map((b) => ({
      subject: b.subject,
      operationId: String(b.operation.operationId),
      sources: b.sources,
    })),
    undocumented: findUndocumented(pages, built),
    unplaced,
  };
}
