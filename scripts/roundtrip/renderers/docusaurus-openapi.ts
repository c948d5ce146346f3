// LAYOUTS.md family 11: Docusaurus OpenAPI (docusaurus-openapi-docs), one operation a page. The title, then
// `PATCH/path` glued (or nothing: some APIs' captures lose it), `Request`, `Path Parameters` / `Query
// Parameters` / `Header Parameters` with the older plugin's `name type REQUIRED|OPTIONAL` rows, `Body`,
// `required`, `- application/json`, then body fields in the newer plugin's shape: `name Titlerequired` (a
// schema title hides the type) or one token per line, per API. Constraints: `Possible values: [a, b]` (the
// `]` may wrap), `Possible values: >= 1 and <= 50`, `Default value: 20`; an array of objects' items between
// `Array [` and `]`; `property name* any` under a map. Responses: `- 200`, `- 422`, their descriptions in
// the same order, `- Schema`, `- Example (from schema)`; the page ends `Loading...`.
//
// WHAT A SITE WITHOUT THE METHOD LINE SHOWS (a measure decision, as ReadMe's and stripe-markdown's). One API
// in four is captured without the `PATCH/path` line on any page: then no page shows a route, nor a base
// that REST convention could place a title under, so a field, parameter or status on such a page belongs
// to no route a reader could name (the issue keeps those pages as unplaced operations in the report, not in
// the spec). Those pages claim no facts.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { operationFact, parameterFacts, propertyFacts, statusFact } from "../facts.ts";
import { itemsOf, schemaTypes } from "../schema-walk.ts";
import { PageWriter, fieldName } from "./page-writer.ts";
import { type BodyProperty, enumValues, singleType, valueText } from "./schema-text.ts";
import {
  bodyFields,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  parameterSchema,
  writeNavigation,
  writeFooter,
  parameterSections,
} from "./family-kit.ts";

export interface DocusaurusVariant {
  /** The glued `PATCH/path` line under the title. */
  methodLine: boolean;
  /** Body fields as `name Titlerequired` on one line, or one token per line. */
  bodyFields: "inline" | "token-per-line";
  /** `Possible values: [a, b` and `]` on the next line. */
  wrapBracket: boolean;
}

/** `string`, `integer<int64>`, `object[]`, `string[]`; and whether it states a format. */
function typeWord(schema: Schema): { word: string; format: boolean } {
  const type = singleType(schema);
  if (type === "array") {
    const items = itemsOf(schema);
    return { word: `${(items && singleType(items)) ?? "any"}[]`, format: false };
  }
  if (type && typeof schema.format === "string") return { word: `${type}<${schema.format}>`, format: true };
  return { word: type ?? "any", format: false };
}

/** The constraint lines under a field, each with the fact attributes it states. */
function constraintLines(schema: Schema, wrap: boolean): [string, string[]][] {
  const lines: [string, string[]][] = [];
  const values = enumValues(schema) ?? [];
  if (values.length > 0) {
    const list = values.map(valueText).join(", ");
    lines.push(wrap ? [`Possible values: [${list}\n]`, ["enum"]] : [`Possible values: [${list}]`, ["enum"]]);
  }
  const { minimum, maximum } = schema;
  const bounds = [
    typeof minimum === "number" ? `>= ${minimum}` : undefined,
    typeof maximum === "number" ? `<= ${maximum}` : undefined,
  ].filter((b) => b !== undefined);
  if (bounds.length > 0) {
    lines.push([`Possible values: ${bounds.join(" and ")}`, ["minimum", "maximum"]]);
  }
  if ("default" in schema && schema.default !== undefined)
    lines.push([`Default value: ${valueText(schema.default)}`, []]);
  return lines;
}

function writeConstraints(w: PageWriter, schema: Schema, facts: Fact[], wrap: boolean): void {
  for (const [text, attributes] of constraintLines(schema, wrap)) {
    w.write(text)
      .place(...facts.filter((f) => attributes.includes(f.attribute)))
      .line();
  }
  const description = oneLine(schema.description as string | undefined);
  if (description) w.line(description);
}

function writeParameter(
  w: PageWriter,
  op: RenderOperation,
  p: RenderOperation["parameters"][number],
  v: DocusaurusVariant,
  pert: Perturbations,
): void {
  const { word, format } = typeWord(p.schema);
  const facts = parameterFacts(op, p);
  const typed = schemaTypes(p.schema).filter((t) => t !== "null").length === 1 || format;
  w.write(`${fieldName(p.name, pert)} ${word} ${p.required ? "REQUIRED" : "OPTIONAL"}`);
  w.place(...facts.filter((f) => f.attribute !== "type" || typed)).line();
  writeConstraints(w, parameterSchema(p), facts, v.wrapBracket);
}

function writeBodyField(
  w: PageWriter,
  op: RenderOperation,
  property: BodyProperty,
  childrenOf: Map<string, BodyProperty[]>,
  v: DocusaurusVariant,
  pert: Perturbations,
): void {
  const { schema } = property;
  const { word, format } = typeWord(schema);
  const title = typeof schema.title === "string" ? oneLine(schema.title) : "";
  // A schema title takes the type's place: then the page does not state the type.
  const shown = new Set(["exists", "required", "enum", "minimum", "maximum"]);
  if (!title && schemaTypes(schema).filter((t) => t !== "null").length === 1) shown.add("type");
  if (!title && format) shown.add("format");
  const facts = propertyFacts(op, property).filter((f) => shown.has(f.attribute));
  const name = fieldName(property.name, pert);
  if (v.bodyFields === "inline") w.write(`${name} ${title || word}${property.required ? "required" : ""}`);
  else w.write(`${name}\n${title || word}${property.required ? "\nrequired" : ""}`);
  w.place(
    ...facts.filter(
      (f) =>
        f.attribute === "exists" ||
        f.attribute === "required" ||
        f.attribute === "type" ||
        f.attribute === "format",
    ),
  ).line();
  writeConstraints(w, schema, facts, v.wrapBracket);
  const map = schema.additionalProperties;
  if (singleType(schema) === "object" && map !== undefined && map !== false) {
    w.line(`property name* ${typeof map === "object" ? (singleType(map as Schema) ?? "any") : "any"}`);
  }
  const children = childrenOf.get(property.path) ?? [];
  if (children.length > 0) {
    w.line("Array [");
    for (const child of children) writeBodyField(w, op, child, childrenOf, v, pert);
    w.line("]");
  }
}

export function renderDocusaurusPage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
  v: DocusaurusVariant,
): RenderedPage {
  const w = new PageWriter();
  writeNavigation(w, api, perturbations);
  w.line(operationTitle(op));
  if (v.methodLine) w.write(`${op.method.toUpperCase()}${op.path}`).place(operationFact(op)).line();
  if (oneLine(op.description)) w.line(oneLine(op.description));
  w.line("Request");
  const sections = [
    ["Path Parameters", "path"],
    ["Query Parameters", "query"],
    ["Header Parameters", "header"],
  ] as const;
  for (const { heading, params } of parameterSections(op, sections)) {
    w.line(heading);
    for (const p of params) writeParameter(w, op, p, v, perturbations);
  }
  if (op.requestBody) {
    w.line("Body");
    if (op.requestBody.required) w.line("required");
    w.line(`- ${op.requestBody.contentType}`);
    // Only an array of objects shows its items (between `Array [` and `]`); objects stay collapsed.
    const childrenOf = new Map<string, BodyProperty[]>();
    const top: BodyProperty[] = [];
    for (const property of bodyFields(op)) {
      if (property.depth === 1) top.push(property);
      else if (property.depth === 2 && property.path.endsWith(`[].${property.name}`)) {
        const parent = property.path.slice(0, -`[].${property.name}`.length);
        childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), property]);
      }
    }
    for (const property of top) writeBodyField(w, op, property, childrenOf, v, perturbations);
  }
  if (op.responses.length > 0) {
    w.line("Responses");
    for (const response of op.responses)
      w.write(`- ${response.status}`).place(statusFact(op, response.status)).line();
    for (const response of op.responses)
      if (oneLine(response.description)) w.line(oneLine(response.description));
    w.line("- Schema").line("- Example (from schema)");
  }
  w.line("Loading...");
  writeFooter(w, perturbations);
  return w.page(pageFile(index, op, ".txt"));
}

export const docusaurusOpenapi: Renderer = {
  name: "docusaurus-openapi",
  imitates: "LAYOUTS.md family 11 (Docusaurus OpenAPI)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    const variant: DocusaurusVariant = {
      methodLine: pick(`${api.name} method line`, [true, true, true, false]),
      bodyFields: pick<DocusaurusVariant["bodyFields"]>(`${api.name} body fields`, [
        "inline",
        "token-per-line",
      ]),
      wrapBracket: pick(`${api.name} wrap`, [true, false]),
    };
    return api.operations.map((op, index) => {
      const page = renderDocusaurusPage(api, op, index, perturbations, variant);
      return variant.methodLine ? page : { ...page, facts: [] };
    });
  },
};
