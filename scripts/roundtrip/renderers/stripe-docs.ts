// What docs.stripe.com shows of an operation, shared by its text dump (seed 001) and its markdown capture
// (seed 003): one page per resource with its operations in the site's order (create, update, retrieve,
// list, delete, then the rest), titles like "Update a VerificationSession", the parameter list (request
// body properties, or the query parameters of an operation without a body; path parameters and `expand`
// are not listed; required ones first, then by name; paging parameters last), and Stripe's type words
// ("enum", "array of strings", "float").
import type { Fact, RenderOperation, RenderParameter, Schema } from "../types.ts";
import { parameterFacts, propertyFacts } from "../facts.ts";
import { bodyProperties, enumValues, itemsOf, schemaTypes, singleType } from "../schema-walk.ts";
import { firstChoice } from "./schema-text.ts";

/** Operations per page at most (seed 001 shows five on one resource page). */
export const OPERATIONS_PER_PAGE = 5;

/** Parameters docs.stripe.com lists last (seed 001 under "More parameters"): the paging ones. */
const PAGING_NAMES = new Set([
  "ending_before",
  "starting_after",
  "limit",
  "page",
  "per_page",
  "offset",
  "cursor",
]);
/** Parameters docs.stripe.com documents once for the whole API and never lists per operation. */
const UNLISTED_NAMES = new Set(["expand"]);

type Action = "create" | "update" | "retrieve" | "list" | "delete" | "other";
const ACTION_ORDER: readonly Action[] = ["create", "update", "retrieve", "list", "delete", "other"];

function segments(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

const isTemplate = (segment: string): boolean => segment.startsWith("{");

/** The resource an operation belongs to: its path up to the first template variable. */
export function resourceOf(op: RenderOperation): string {
  const parts = segments(op.path);
  const first = parts.findIndex(isTemplate);
  return `/${(first < 0 ? parts : parts.slice(0, first)).join("/")}`;
}

/** Whether a path ends at a collection: no template at all, or a plural literal after one (`/customers/{c}/sources`). */
function endsAtCollection(parts: readonly string[]): boolean {
  const last = parts[parts.length - 1] ?? "";
  if (isTemplate(last)) return false;
  return !parts.some(isTemplate) || last.endsWith("s");
}

function actionOf(op: RenderOperation): Action {
  const parts = segments(op.path);
  const onItem = isTemplate(parts[parts.length - 1] ?? "");
  const onCollection = endsAtCollection(parts);
  if (op.method === "post" && onCollection) return "create";
  if ((op.method === "post" || op.method === "patch" || op.method === "put") && onItem) return "update";
  if (op.method === "get" && onItem) return "retrieve";
  if (op.method === "get" && onCollection) return "list";
  if (op.method === "delete" && onItem) return "delete";
  return "other";
}

/** "verification_sessions" -> "VerificationSession" (singular, as Stripe names its objects). */
function objectName(segment: string): string {
  const words = segment.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return name.endsWith("ies") ? `${name.slice(0, -3)}y` : name.endsWith("s") ? name.slice(0, -1) : name;
}

/** The object an operation acts on: the collection it ends at, else the literal before its last template. */
export function objectOf(op: RenderOperation): string {
  const parts = segments(op.path);
  let segment = parts[parts.length - 1] ?? "";
  if (!endsAtCollection(parts)) {
    const lastTemplate = parts.findLastIndex(isTemplate);
    segment =
      parts
        .slice(0, lastTemplate)
        .filter((p) => !isTemplate(p))
        .pop() ?? segment;
  }
  return objectName(segment) || "Object";
}

/** The operation's heading: its summary, else Stripe's pattern from the method and path. */
export function titleOf(op: RenderOperation): string {
  const summary = op.summary?.replace(/\s+/g, " ").trim();
  if (summary) return summary;
  const object = objectOf(op);
  switch (actionOf(op)) {
    case "create":
      return `Create a ${object}`;
    case "update":
      return `Update a ${object}`;
    case "retrieve":
      return `Retrieve a ${object}`;
    case "list":
      return `List ${object}s`;
    case "delete":
      return `Delete a ${object}`;
    default: {
      const last =
        segments(op.path)
          .filter((s) => !isTemplate(s))
          .pop() ?? op.method;
      const verb = last.replace(/[^A-Za-z0-9]+/g, " ").trim();
      return `${verb.charAt(0).toUpperCase()}${verb.slice(1)} a ${object}`;
    }
  }
}

/** The docs link of an operation (seed 003): `/api` + the literal path segments + the action. */
export function docsLinkOf(op: RenderOperation): string {
  const action = actionOf(op);
  const resource = resourceOf(op);
  if (action !== "other") return `/api${resource}/${action}`;
  const last =
    segments(op.path)
      .filter((s) => !isTemplate(s))
      .pop() ?? op.method;
  return `/api${resource}/${last}`;
}

/** What the operation returns, in Stripe's words. */
export function returnsText(op: RenderOperation): string {
  const ok = op.responses.find((r) => r.status.startsWith("2"));
  const described = ok?.description?.replace(/\s+/g, " ").trim();
  if (described) return described;
  const object = objectOf(op);
  switch (actionOf(op)) {
    case "list":
      return `A list of ${object} objects.`;
    case "create":
      return `Returns the created ${object} object`;
    case "update":
      return `Returns the updated ${object} object`;
    default:
      return `Returns a ${object} object`;
  }
}

/** A page file name for a resource: "v1-identity-verification_sessions.txt", "-2" for its second page. */
function resourceFile(resource: string, index: number, extension: string): string {
  const base = resource.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "root";
  return `${base.slice(0, 100)}${index > 0 ? `-${index + 1}` : ""}${extension}`;
}

/**
 * The operations of an API as the site's resource pages: grouped by resource, in the site's order
 * (create, update, retrieve, list, delete, the rest in spec order), at most OPERATIONS_PER_PAGE a page.
 */
export function resourcePages(
  operations: readonly RenderOperation[],
  extension: string,
): { file: string; operations: RenderOperation[] }[] {
  const byResource = new Map<string, RenderOperation[]>();
  for (const op of operations) {
    const key = resourceOf(op);
    const list = byResource.get(key) ?? [];
    list.push(op);
    byResource.set(key, list);
  }
  const pages: { file: string; operations: RenderOperation[] }[] = [];
  for (const [resource, ops] of byResource) {
    const ordered = ops
      .map((op, index) => ({ op, index, rank: ACTION_ORDER.indexOf(actionOf(op)) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map((e) => e.op);
    for (let i = 0; i < ordered.length; i += OPERATIONS_PER_PAGE) {
      pages.push({
        file: resourceFile(resource, i / OPERATIONS_PER_PAGE, extension),
        operations: ordered.slice(i, i + OPERATIONS_PER_PAGE),
      });
    }
  }
  return pages;
}

/** A field of the parameter list as docs.stripe.com shows it, with the facts its line states. */
export interface ListedField {
  name: string;
  schema: Schema;
  required: boolean;
  description?: string;
  /** exists, required, and the type when the type word names one JSON type. */
  facts: Fact[];
  /** The enum fact of a body property (when it has one); a page claims it only where it lists the values. */
  enumFacts: Fact[];
  /** Whether the field has child parameters (collapsed on the page: "Show child parameters"). */
  hasChildren: boolean;
}

function byRequiredThenName(a: ListedField, b: ListedField): number {
  if (a.required !== b.required) return a.required ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Whether the type word states the schema's JSON type ("enum" does for string enums only). */
function typeWordStatesType(schema: Schema): boolean {
  const values = enumValues(schema);
  if (!values || values.length === 0 || singleType(schema) === "array") return true;
  return values.every((v) => typeof v === "string");
}

function withoutTypeUnlessStated(facts: Fact[], schema: Schema): Fact[] {
  return typeWordStatesType(schema) ? facts : facts.filter((f) => f.attribute !== "type");
}

function parameterField(op: RenderOperation, p: RenderParameter): ListedField {
  return {
    name: p.name,
    schema: p.schema,
    required: p.required,
    ...(p.description ? { description: p.description } : {}),
    facts: withoutTypeUnlessStated(parameterFacts(op, p), p.schema),
    enumFacts: [],
    hasChildren: bodyProperties(p.schema).length > 0,
  };
}

/**
 * The parameter list of an operation: the top-level request-body properties, or, for an operation
 * without body properties, its query parameters (path parameters are only in the request line; headers are not
 * shown). `main` is required-first then by name; `more` holds the paging parameters.
 */
export function listedFields(op: RenderOperation): {
  main: ListedField[];
  more: ListedField[];
  /** The list holds query parameters (the operation has no body properties). */
  query: boolean;
} {
  // Stripe's GET operations carry an empty form body; a body without properties lists nothing.
  const body = op.requestBody ? bodyProperties(op.requestBody.schema).filter((p) => p.depth === 1) : [];
  let fields: ListedField[];
  if (body.length > 0) {
    fields = body.map((p) => {
      const all = propertyFacts(op, p);
      const shown = all.filter((f) => ["exists", "required", "type"].includes(f.attribute));
      const description = typeof p.schema.description === "string" ? p.schema.description : undefined;
      return {
        name: p.name,
        schema: p.schema,
        required: p.required,
        ...(description ? { description } : {}),
        facts: withoutTypeUnlessStated(shown, p.schema),
        enumFacts: all.filter((f) => f.attribute === "enum"),
        hasChildren: bodyProperties(p.schema).length > 0,
      };
    });
  } else {
    fields = op.parameters.filter((p) => p.in === "query").map((p) => parameterField(op, p));
  }
  fields = fields.filter((f) => !UNLISTED_NAMES.has(f.name));
  return {
    main: fields.filter((f) => !PAGING_NAMES.has(f.name)).sort(byRequiredThenName),
    more: fields.filter((f) => PAGING_NAMES.has(f.name)).sort(byRequiredThenName),
    query: body.length === 0,
  };
}

const STRIPE_TYPE_WORDS: Record<string, string> = {
  string: "string",
  integer: "integer",
  number: "float",
  boolean: "boolean",
  object: "object",
};

/** A schema's type as docs.stripe.com writes it: "string", "enum", "object", "array of strings", "float". */
export function stripeTypeWord(schema: Schema): string {
  const chosen = firstChoice(schema);
  const values = enumValues(chosen);
  const type = schemaTypes(chosen).find((t) => t !== "null");
  if (type === "array") {
    const items = itemsOf(chosen);
    if (!items) return "array";
    const itemValues = enumValues(items);
    if (itemValues && itemValues.length > 0) return "array of enums";
    const itemType = schemaTypes(firstChoice(items)).find((t) => t !== "null");
    return itemType ? `array of ${STRIPE_TYPE_WORDS[itemType] ?? itemType}s` : "array";
  }
  if (values && values.length > 0) return "enum";
  return type ? (STRIPE_TYPE_WORDS[type] ?? type) : "any";
}

/**
 * The curl option that says how docs.stripe.com's sample sends its request: no option means GET, `-G` a GET
 * whose `-d` data goes into the query string, `-d` without an option a POST; any other method is `-X`. An
 * operation whose listed parameters go into the query string although its method is not GET sends them
 * with `-X METHOD -G`, so the sample shows where they go.
 */
export function stripeCurlFlag(method: string, sendsData: boolean, listsQuery: boolean): string {
  const upper = method.toUpperCase();
  if (upper === "GET") return sendsData ? "-G " : "";
  if (listsQuery) return `-X ${upper} -G `;
  return upper === "POST" && sendsData ? "" : `-X ${upper} `;
}

/** An example id for a path template variable, as Stripe's samples show them (`vs_1NuN9WLkdIwHu7ix…`). */
export function sampleId(name: string): string {
  const prefix =
    name
      .replace(/[^A-Za-z]/g, "")
      .slice(0, 3)
      .toLowerCase() || "id";
  return `${prefix}_1NuN9WLkdIwHu7ix597AR9uz`;
}

/** Description text as plain paragraphs: markup tags dropped, white space collapsed. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? "")
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .replace(/<[^<>]{0,200}>/g, "")
        .replace(/\s+/g, " ")
        .trim(),
    )
    .filter((p) => p !== "");
}
