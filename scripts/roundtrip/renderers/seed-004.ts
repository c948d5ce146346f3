// Seed 004's layout (LAYOUTS.md family 4): a Fern API reference page per operation, captured as text. An
// llms.txt banner; the sidebar with the operations of the same group (`      • PATCHUpdate a session`);
// the breadcrumb glued to the group (`API ReferenceSessions`); the title; the method and full URL, the
// method and path (`:name` templates); a curl sample with `$`/`>` prompts; the response JSON with line
// numbers; the description; the page footer; then the sections `Authentication`, `Path parameters`,
// `Query parameters`, `Headers`, `Request` ("This endpoint expects an object."), `Response`, `Errors`.
// Fields are glued `nameTYPERequired|Optional<constraints>` (`>=8 characters`, `<=255 characters`,
// `format: "uri"`, `Defaults to x`) with Fern's type words (`string or null`, `list of strings`,
// `map from strings to any`, `datetime`); `Allowed values:` stays empty, as in the seed. Nested request
// properties are collapsed (not shown). The spec's security schemes are not in a RenderApi, so
// `Authentication` shows Fern's bearer wording.
//
// Facts it claims: the operation and its path parameters at the method + path line; for each parameter
// (its place is its section) existence, required and type; for each top-level body property existence,
// required, type, nullable (`or null`), format (`datetime`, `date`, `format: "x"`) and the length and
// range limits it writes; the error status codes under `Errors`. Not claimed: enum values (empty
// `Allowed values:`), success status codes (the Response section names none), nested properties.
import { STATUS_CODES } from "node:http";
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { parameterFacts, propertyFacts, requestLineFacts, statusFact } from "../facts.ts";
import { bodyProperties, enumValues, isNullable, itemsOf, schemaTypes, singleType } from "../schema-walk.ts";
import { PageWriter, apiBaseUrl, fieldName } from "./page-writer.ts";
import { isSchema, valueText } from "./schema-text.ts";
import { sampleValue } from "./sample-json.ts";
import { pageFile } from "./seed-000.ts";
import { paragraphs, resourceOf, titleOf } from "./stripe-docs.ts";

const BANNER =
  "For AI agents: a documentation index is available at the root level at /llms.txt and /llms-full.txt. Append /llms.txt to any URL for a page-level index, or .md for the markdown version of any page.";

/** The guide part of the sidebar, written with navigationNoise (the seed's site has eight such groups). */
const GUIDE_NAV = [
  "  • Getting Started",
  "    • Introduction",
  "    • Quickstart",
  "  • Core Concepts",
  "    • Overview",
  "    • Errors",
  "    • Webhooks",
];

const NAV_METHOD: Record<string, string> = { delete: "DEL" };

const FERN_TYPE_WORDS: Record<string, string> = {
  string: "string",
  integer: "integer",
  number: "double",
  boolean: "boolean",
  object: "object",
  null: "null",
};

/** One JSON type of a schema in Fern's words ("datetime", "list of strings", "map from strings to any"). */
function fernWord(schema: Schema, type: string, depth: number): string {
  if (type === "string") {
    if (schema.format === "date-time") return "datetime";
    if (schema.format === "date") return "date";
    return enumValues(schema)?.length ? "enum" : "string";
  }
  if (type === "array") {
    const items = itemsOf(schema);
    return items && depth < 3 ? `list of ${plural(fernPhrase(items, depth + 1, false))}` : "list of any";
  }
  if (type === "object" && !isSchema(schema.properties) && schema.additionalProperties !== false) {
    const values = isSchema(schema.additionalProperties) ? schema.additionalProperties : {};
    return `map from strings to ${depth < 3 ? fernPhrase(values, depth + 1, false) : "any"}`;
  }
  return FERN_TYPE_WORDS[type] ?? type;
}

function plural(phrase: string): string {
  return phrase === "any" ? "any" : phrase.replace(/^(\S+)/, "$1s");
}

/** A schema's type as Fern writes it: the types joined by " or ", "or null" last when it is nullable. */
export function fernPhrase(schema: Schema, depth = 0, withNull = true): string {
  const types = schemaTypes(schema).filter((t) => t !== "null");
  const words = types.length === 0 ? ["any"] : types.map((t) => fernWord(schema, t, depth));
  if (withNull && isNullable(schema) && types.length > 0) words.push("null");
  return words.join(" or ");
}

/** The constraints Fern glues after Required/Optional, with the fact attributes each states. */
function constraints(schema: Schema): { text: string; attributes: string[] } {
  const parts: string[] = [];
  const attributes: string[] = [];
  const state = (text: string, ...stated: string[]): void => {
    parts.push(text);
    attributes.push(...stated);
  };
  const { minLength, maxLength, minimum, maximum, format } = schema;
  if (typeof minLength === "number" && minLength === maxLength) {
    state(`=${minLength} characters`, "minLength", "maxLength");
  } else {
    if (typeof minLength === "number") state(`>=${minLength} characters`, "minLength");
    if (typeof maxLength === "number") state(`<=${maxLength} characters`, "maxLength");
  }
  if (typeof minimum === "number") state(`>=${minimum}`, "minimum");
  if (typeof maximum === "number") state(`<=${maximum}`, "maximum");
  if (typeof format === "string") {
    // `datetime` and `date` already say the format; others are written out.
    if (format !== "date-time" && format !== "date") parts.push(`format: "${format}"`);
    if (singleType(schema) === "string") attributes.push("format");
  }
  if ("default" in schema && schema.default !== undefined && typeof schema.default !== "object") {
    parts.push(`Defaults to ${valueText(schema.default)}`);
  }
  return { text: parts.join(""), attributes };
}

interface Field {
  name: string;
  schema: Schema;
  required: boolean;
  description?: string;
  facts: Fact[];
}

/** `nameTYPERequired|Optional<constraints>`, the description, and `Allowed values:` for an enum. */
function writeField(w: PageWriter, field: Field, spaced: boolean, perturbations: Perturbations): void {
  const { text } = constraints(field.schema);
  w.write(`${fieldName(field.name, perturbations)}${fernPhrase(field.schema)}`);
  w.write(`${field.required ? "Required" : "Optional"}${text}`);
  w.place(...field.facts);
  w.write(spaced ? "\n\n" : "\n");
  const description = paragraphs(field.description).join(" ");
  if (description !== "") w.write(`${description}${spaced ? "\n\n" : "\n"}`);
  if (enumValues(field.schema)?.length) w.write("Allowed values:\n");
}

/** The facts a field line states: exists, required, and what its type words and constraints say. */
function shownFacts(facts: Fact[], schema: Schema): Fact[] {
  const shown = new Set(["exists", "required", "type", ...constraints(schema).attributes]);
  if (isNullable(schema) && schemaTypes(schema).some((t) => t !== "null")) shown.add("nullable");
  if (schema.format === "date-time" || schema.format === "date") shown.add("format");
  return facts.filter((f) => shown.has(f.attribute));
}

function parameterFields(op: RenderOperation, place: string): Field[] {
  return op.parameters
    .filter((p) => p.in === place)
    .map((p) => ({
      name: p.name,
      schema: p.schema,
      required: p.required,
      ...(p.description ? { description: p.description } : {}),
      facts: shownFacts(parameterFacts(op, p), p.schema),
    }));
}

function bodyFields(op: RenderOperation): Field[] {
  if (!op.requestBody) return [];
  return bodyProperties(op.requestBody.schema)
    .filter((p) => p.depth === 1)
    .map((p) => ({
      name: p.name,
      schema: p.schema,
      required: p.required,
      ...(typeof p.schema.description === "string" ? { description: p.schema.description } : {}),
      facts: shownFacts(propertyFacts(op, p), p.schema),
    }));
}

/** The fields of a response body as the Response section lists them (decoration: no facts). */
function responseFields(schema: Schema | undefined): Field[] {
  if (!schema || !isSchema(schema.properties)) return [];
  return Object.entries(schema.properties)
    .filter((e): e is [string, Schema] => isSchema(e[1]))
    .map(([name, s]) => ({
      name,
      schema: s,
      required: false,
      ...(typeof s.description === "string" ? { description: s.description } : {}),
      facts: [],
    }));
}

/** The sidebar group of an operation: its first tag, else its resource (the seed's group is "Sessions"). */
function groupOf(op: RenderOperation): string {
  return op.tags[0] ?? resourceOf(op);
}

/** Sidebar entries shown around the current operation at most (the seed's group has 26). */
const NAV_WINDOW = 30;

function navWindow(group: readonly RenderOperation[], op: RenderOperation): readonly RenderOperation[] {
  const at = group.indexOf(op);
  const start = Math.max(0, Math.min(at - NAV_WINDOW / 2, group.length - NAV_WINDOW));
  return group.slice(start, start + NAV_WINDOW);
}

/** The response JSON with Fern's line numbers (`1{`, `2 "id": …`), indentation collapsed to one space. */
function numberedJson(value: unknown): string[] {
  const json = JSON.stringify(value, null, 2) ?? "null";
  return json.split("\n").map((line, i) => {
    const trimmed = line.trimStart();
    return `${i + 1}${trimmed.length < line.length ? " " : ""}${trimmed}`;
  });
}

function curlLines(api: RenderApi, op: RenderOperation): string[] {
  const method = op.method.toUpperCase();
  const url = apiBaseUrl(api) + op.path.replace(/\{([^{}]*)\}/g, "$1");
  const lines = [`$curl -X ${method} ${url} \\`, `> -H "Authorization: Bearer <token>"`];
  if (!op.requestBody) return lines;
  const body: Record<string, unknown> = {};
  for (const p of bodyProperties(op.requestBody.schema)) {
    if (p.depth === 1 && p.required) {
      Object.defineProperty(body, p.name, { value: sampleValue(p.schema), enumerable: true });
    }
  }
  lines[1] += " \\";
  lines.push(`> -H "Content-Type: ${op.requestBody.contentType}" \\`, `> -d '${JSON.stringify(body)}'`);
  return lines;
}

function renderOperation(
  api: RenderApi,
  op: RenderOperation,
  group: readonly RenderOperation[],
  perturbations: Perturbations,
): RenderedPage {
  const w = new PageWriter();
  w.line(BANNER);
  if (perturbations.navigationNoise) for (const line of GUIDE_NAV) w.line(line);
  w.line("  • API Reference");
  for (const other of navWindow(group, op)) {
    w.line(`      • ${NAV_METHOD[other.method] ?? other.method.toUpperCase()}${titleOf(other)}`);
  }
  w.line(`API Reference${groupOf(op)}`).line();
  w.line(titleOf(op)).line();
  const method = op.method.toUpperCase();
  const path = op.path.replace(/\{([^{}]*)\}/g, ":$1");
  w.line(method)
    .line(`${apiBaseUrl(api)}${path}`)
    .line(method)
    .write(path);
  w.place(...requestLineFacts(op));
  w.line();
  for (const line of curlLines(api, op)) w.line(line);
  const ok = op.responses.find((r) => r.status.startsWith("2"));
  if (ok?.schema) for (const line of numberedJson(sampleValue(ok.schema))) w.line(line);
  w.line();
  for (const p of paragraphs(op.description)) w.line(p).line();
  const next = group[group.indexOf(op) + 1];
  w.line("Was this page helpful?").line("Previous").line();
  if (next) w.line(titleOf(next)).line();
  w.line("Next").line("Built with").line();

  w.line("Authentication").line();
  w.line("AuthorizationBearer").line();
  w.line("Bearer authentication of the form Bearer <token>, where token is your auth token.").line();
  const sections: [string, Field[]][] = [
    ["Path parameters", parameterFields(op, "path")],
    ["Query parameters", parameterFields(op, "query")],
    ["Headers", parameterFields(op, "header")],
    ["Cookies", parameterFields(op, "cookie")],
  ];
  for (const [heading, fields] of sections) {
    if (fields.length === 0) continue;
    w.line(heading).line();
    for (const field of fields) writeField(w, field, true, perturbations);
  }
  if (op.requestBody) {
    w.line("Request").line();
    const isObject =
      singleType(op.requestBody.schema) === "object" || isSchema(op.requestBody.schema.properties);
    w.line(
      isObject
        ? "This endpoint expects an object."
        : `This endpoint expects ${fernPhrase(op.requestBody.schema)}.`,
    );
    for (const field of bodyFields(op)) writeField(w, field, false, perturbations);
    w.line();
  }
  if (ok) {
    w.line("Response").line();
    if (ok.description) w.line(paragraphs(ok.description).join(" "));
    for (const field of responseFields(ok.schema)) {
      w.write(`${field.name}${fernPhrase(field.schema)}\n`);
      const description = paragraphs(field.description).join(" ");
      if (description !== "") w.line(description);
    }
    w.line();
  }
  const errors = op.responses.filter((r) => /^[45]\d\d$/.test(r.status));
  if (errors.length > 0) {
    w.line("Errors").line();
    errors.forEach((r, i) => {
      w.write(`${r.status}\n${STATUS_CODES[r.status] ?? "Unknown"} Error`);
      w.place(statusFact(op, r.status));
      if (i < errors.length - 1) w.write("\n");
    });
  }
  return w.page(pageFile(op).replace(/\.html$/, ".txt"));
}

export const seed004: Renderer = {
  name: "seed-004",
  imitates: "seed 004 (LAYOUTS.md family 4, Fern)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    const groups = new Map<string, RenderOperation[]>();
    for (const op of api.operations) {
      const list = groups.get(groupOf(op)) ?? [];
      list.push(op);
      groups.set(groupOf(op), list);
    }
    return api.operations.map((op) =>
      renderOperation(api, op, groups.get(groupOf(op)) ?? [op], perturbations),
    );
  },
};
