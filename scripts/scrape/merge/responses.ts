// Response schemas. A success response's body is named after the object it returns ("Returns a
// VerificationSession object", an example's `object` tag, or the path's resource) and becomes a shared
// component built from every operation that returns it: documented field lists plus JSON examples.
// A list envelope ({object: "list", data: [...], has_more}) becomes a <Name>List component around it.
import type { FieldFragment, ResponseFragment, ReturnsHint, Source } from "../fragment.ts";
import { STRENGTH_RANK, SUCCESS_NOT_SHOWN } from "../fragment.ts";
import { fieldsFromExample, isListEnvelope, isObjectExample } from "./example-schema.ts";
import type { PlacedFragment } from "./join.ts";
import { formatSource, type MergeLog } from "./merge-log.ts";
import { componentNameFromObjectTag, componentNameFromSegment } from "./naming.ts";
import { resourceSegment } from "../../lib/route.ts";

export interface ComponentDraft {
  name: string;
  fields: FieldFragment[];
  /** Operations that return it, for the report. */
  usedBy: string[];
  sources: Source[];
  /** The `object` values of its examples, to recognise a constant type tag. */
  objectTags: { value: unknown; source: Source }[];
}

export interface ListDraft {
  name: string;
  item: string;
  envelopeFields: FieldFragment[];
  sources: Source[];
}

/**
 * The extension a scraped response carries when no page shows its status code: OpenAPI needs at least one
 * response per operation, so an operation whose pages show none gets `default`, and one whose pages say
 * what it returns without a code gets `2XX`; this marks the status as not a fact of the documentation.
 */
export const STATUS_NOT_SHOWN = "x-specsmith-status-not-shown";

export interface ResponsePlan {
  status: string;
  description: string;
  /** No page shows this status code (see STATUS_NOT_SHOWN). */
  statusNotShown?: true;
  contentType?: string;
  /** A component the body refers to. */
  ref?: string;
  example?: unknown;
  sources: Source[];
}

export class ComponentRegistry {
  readonly objects = new Map<string, ComponentDraft>();
  readonly lists = new Map<string, ListDraft>();

  object(name: string): ComponentDraft {
    let draft = this.objects.get(name);
    if (!draft) {
      draft = { name, fields: [], usedBy: [], sources: [], objectTags: [] };
      this.objects.set(name, draft);
    }
    return draft;
  }

  list(item: string): ListDraft {
    const name = `${item}List`;
    let draft = this.lists.get(name);
    if (!draft) {
      draft = { name, item, envelopeFields: [], sources: [] };
      this.lists.set(name, draft);
    }
    return draft;
  }
}

function isSuccess(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

function strongestReturns(fragments: PlacedFragment[]): { value: ReturnsHint; source: Source } | undefined {
  const hints = fragments.flatMap((f) => (f.op.returns ? [f.op.returns] : []));
  hints.sort((a, b) => STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength]);
  const top = hints[0];
  return top ? { value: top.value, source: top.source } : undefined;
}

/** "Returns the session. " -> "Returns the session" (a loop, not a backtracking pattern, over page text). */
function withoutFinalStop(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let end = text.length;
  while (end > 0 && /[.\s]/.test(text[end - 1] ?? "")) end--;
  return end > 0 ? text.slice(0, end) : undefined;
}

function pickDescription(responses: ResponseFragment[]): string | undefined {
  const described = responses.flatMap((r) => (r.description ? [r.description] : []));
  described.sort((a, b) => STRENGTH_RANK[b.strength] - STRENGTH_RANK[a.strength]);
  return described[0]?.value;
}

const REASON: Record<string, string> = {
  "200": "Successful response.",
  "201": "Created.",
  "202": "Accepted.",
  "204": "No content.",
  "400": "Bad request.",
  "401": "Unauthorized.",
  "403": "Forbidden.",
  "404": "Not found.",
  "409": "Conflict.",
  "422": "Unprocessable entity.",
  "429": "Too many requests.",
  "500": "Server error.",
  default: "Error response.",
};

/** Plans the responses of one operation, registering the components its success body uses. */
export function planResponses(
  subject: string,
  path: string,
  fragments: PlacedFragment[],
  registry: ComponentRegistry,
  log: MergeLog,
): ResponsePlan[] {
  const byStatus = new Map<string, ResponseFragment[]>();
  for (const { op } of fragments) {
    for (const r of op.responses) {
      const list = byStatus.get(r.status) ?? [];
      list.push(r);
      byStatus.set(r.status, list);
    }
  }
  const returns = strongestReturns(fragments);
  // A response the pages show without its code joins the success status another page shows, if any.
  const unstated = byStatus.get(SUCCESS_NOT_SHOWN) ?? [];
  byStatus.delete(SUCCESS_NOT_SHOWN);
  const shownSuccess = [...byStatus.keys()].filter(isSuccess).sort()[0];
  if (shownSuccess && unstated.length > 0) byStatus.get(shownSuccess)?.push(...unstated);
  // Written, but not as a fact: no page shows the status code (OpenAPI needs a response per operation).
  let notShown: { status: string; description: string } | undefined;
  if (!shownSuccess && (returns || unstated.length > 0)) {
    notShown = {
      status: "2XX",
      description:
        (withoutFinalStop(pickDescription(unstated)) ??
          (returns
            ? `Returns ${returns.value.list ? "a list of " : ""}${returns.value.name}`
            : "A successful response")) + "; the documentation shows no status code.",
    };
    log.decide(
      "inference",
      subject,
      `no success status is documented; its ${returns ? `body (${returns.value.name})` : "response"} is written under "2XX", marked ${STATUS_NOT_SHOWN}`,
      returns ? [returns.source] : unstated.map((r) => r.source).slice(0, 1),
    );
    byStatus.set("2XX", unstated);
  } else if (byStatus.size === 0) {
    notShown = { status: "default", description: "The documentation shows no response for this operation." };
    log.decide(
      "inference",
      subject,
      `no response is documented; a "default" response without a body stands for it, marked ${STATUS_NOT_SHOWN}`,
      fragments.map((f) => f.op.source).slice(0, 1),
    );
    byStatus.set("default", []);
  }
  const plans: ResponsePlan[] = [];
  for (const status of [...byStatus.keys()].sort()) {
    const responses = byStatus.get(status) ?? [];
    const plan: ResponsePlan = {
      status,
      description:
        status === notShown?.status
          ? notShown.description
          : (pickDescription(responses) ?? REASON[status] ?? `Status ${status}.`),
      sources: responses.map((r) => r.source),
      ...(status === notShown?.status ? { statusNotShown: true as const } : {}),
    };
    const contentType = responses.find((r) => r.contentType)?.contentType?.value;
    if (contentType) plan.contentType = contentType;
    if (isSuccess(status)) planSuccessBody(plan, subject, path, responses, returns, registry, log);
    plans.push(plan);
  }
  return plans;
}

function planSuccessBody(
  plan: ResponsePlan,
  subject: string,
  path: string,
  responses: ResponseFragment[],
  returns: { value: ReturnsHint; source: Source } | undefined,
  registry: ComponentRegistry,
  log: MergeLog,
): void {
  const examples = responses.flatMap((r) =>
    r.example ? [{ value: r.example.value, source: r.example.source }] : [],
  );
  const fields = responses.flatMap((r) => r.fields);
  const envelope = examples.find((e) => isListEnvelope(e.value));
  const isList = Boolean(returns?.value.list || envelope);
  const itemExamples = isList
    ? examples.flatMap((e) =>
        isListEnvelope(e.value)
          ? e.value.data.filter(isObjectExample).map((v) => ({ value: v, source: e.source }))
          : [],
      )
    : examples.filter((e) => isObjectExample(e.value));
  if (!returns && itemExamples.length === 0 && fields.length === 0) return;

  const tag = itemExamples
    .map((e) => (e.value as Record<string, unknown>).object)
    .find((o) => typeof o === "string");
  const segment = resourceSegment(path);
  let name: string | undefined;
  let because: string;
  if (returns) {
    name = componentNameFromObjectTag(returns.value.name);
    because = `what the page says it returns, "${returns.value.name}" (${formatSource(returns.source)})`;
  } else if (typeof tag === "string" && tag !== "list") {
    name = componentNameFromObjectTag(tag);
    because = `the example's object tag "${tag}"`;
  } else if (segment) {
    name = componentNameFromSegment(segment);
    because = `the path's resource "${segment}"`;
  } else {
    because = "";
  }
  if (!name) return;
  const draft = registry.object(name);
  draft.usedBy.push(subject);
  for (const e of itemExamples) {
    draft.fields.push(...fieldsFromExample(e.value, e.source));
    draft.sources.push(e.source);
    draft.objectTags.push({ value: (e.value as Record<string, unknown>).object, source: e.source });
  }
  if (!isList) {
    draft.fields.push(...fields);
    draft.sources.push(...fields.map((f) => f.source));
  }
  const first = examples[0];
  if (first) plan.example = first.value;
  if (isList) {
    const list = registry.list(name);
    if (envelope && isObjectExample(envelope.value)) {
      const { data: _data, ...rest } = envelope.value;
      list.envelopeFields.push(...fieldsFromExample(rest, envelope.source));
      list.sources.push(envelope.source);
    }
    plan.ref = list.name;
    log.decide(
      "inference",
      subject,
      `the ${plan.status} body is a list of ${name} (${because}${envelope ? "; the example is a list envelope" : ""}): component ${list.name}`,
      [...(returns ? [returns.source] : []), ...(envelope ? [envelope.source] : [])],
    );
  } else {
    plan.ref = name;
    log.decide(
      "inference",
      subject,
      `the ${plan.status} body is the shared component ${name}, named from ${because}`,
      [...(returns ? [returns.source] : []), ...itemExamples.map((e) => e.source).slice(0, 1)],
    );
  }
}
