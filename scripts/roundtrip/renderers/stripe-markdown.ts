// LAYOUTS.md family 2: docs.stripe.com markdown (seed 003's family), one operation a page, usually
// flattened onto one line. The method and path are never written as `METHOD /path`: only the curl command
// shows them (no `-X` is GET, `-d` without `-X` is POST). Fields are `` - `name` (type, optional) desc ``,
// leaves only, children `a.b` and map children `a..b`; enums `Possible enum values: - `x``. A
// `## Prerequisites` list names a *different* operation (the one creating the parent object). Section order
// varies; a page that keeps its line breaks has no Parameters section.
//
// Facts it claims: the operation and its fields. The curl URL is the server and the path run together;
// where the server has a path of its own (`https://x.test/G2W/rest` + `/accounts/{}`) the page does not show
// where the server ends, but it shows the request, and the scorer reads scraped routes under the source's
// servers (server-frame.ts), so `/G2W/rest/accounts/{}` on a bare host is the same operation.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { operationFact, parameterFacts, propertyFacts } from "../facts.ts";
import { PageWriter, flattenToOneLine } from "./page-writer.ts";
import { enumValues, singleType, valueText } from "./schema-text.ts";
import {
  bodyFields,
  leafProperties,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  sampleObject,
  shownFacts,
  successResponse,
  parameterSchema,
  writeNavigation,
  writeFooter,
} from "./family-kit.ts";
import { listsQueryParameters, stripeCurlLines, stripeTypeWord } from "./stripe-text.ts";

export type StripeMarkdownOrder = "returns-first" | "request-first";

interface Item {
  label: string;
  schema: Schema;
  required: "required" | "optional" | "required conditionally";
  facts: Fact[];
}

/** Map values' properties as the layout writes them (`finishes..gloss`); facts never go below a map. */
function mapChildren(name: string, schema: Schema, depth: number): Item[] {
  const value = schema.additionalProperties;
  if (singleType(schema) !== "object" || !value || typeof value !== "object" || depth > 3) return [];
  const inner = value as Schema;
  const props = inner.properties && typeof inner.properties === "object" ? inner.properties : {};
  const required = new Set(Array.isArray(inner.required) ? inner.required : []);
  return Object.entries(props as Record<string, Schema>).map(([child, s]) => ({
    label: `${name}..${child}`,
    schema: s,
    required: required.has(child) ? "required conditionally" : "optional",
    facts: [],
  }));
}

function items(op: RenderOperation): Item[] {
  if (listsQueryParameters(op)) {
    return op.parameters
      .filter((p) => p.in === "query")
      .map((p) => ({
        label: p.name,
        schema: parameterSchema(p),
        required: p.required ? "required" : "optional",
        facts: parameterFacts(op, p).filter(
          (f) => f.attribute !== "type" || stripeTypeWord(p.schema).namesType,
        ),
      }));
  }
  const all = bodyFields(op);
  const requiredPaths = new Set(all.filter((p) => p.required).map((p) => p.path));
  const out: Item[] = [];
  for (const property of leafProperties(all)) {
    const maps = mapChildren(property.path, property.schema, property.depth);
    if (maps.length > 0) {
      out.push(...maps);
      continue;
    }
    // `required` only when every enclosing object is required too; required inside an optional parent
    // is "required conditionally" (still required within its parent).
    const ancestors = property.path.split(".").map((_, i, parts) => parts.slice(0, i + 1).join("."));
    const wholeChain = ancestors.every((a) => requiredPaths.has(a));
    const required = !property.required ? "optional" : wholeChain ? "required" : "required conditionally";
    const { namesType } = stripeTypeWord(property.schema);
    const facts = property.path.includes("[]") ? [] : propertyFacts(op, property);
    out.push({
      label: property.path,
      schema: property.schema,
      required,
      facts: shownFacts(facts, new Set(["exists", "required", "enum", ...(namesType ? ["type"] : [])])),
    });
  }
  return out;
}

/** The operation that creates the object this one works on (`POST /v2/widgets` for `/v2/widgets/{id}`). */
function prerequisite(api: RenderApi, op: RenderOperation): RenderOperation | undefined {
  const parent = op.path.replace(/\/\{[^{}]*\}(?:\/.*)?$/, "");
  if (parent === op.path) return undefined;
  return api.operations.find((o) => o !== op && o.method === "post" && o.path === parent);
}

function writeItems(w: PageWriter, list: Item[]): void {
  w.line("## Parameters");
  for (const item of list) {
    const { word } = stripeTypeWord(item.schema);
    const description = oneLine(item.schema.description as string | undefined);
    w.write(`- \`${item.label}\` (${word}, ${item.required})`);
    w.place(...item.facts.filter((f) => f.attribute !== "enum"));
    w.line(description ? ` ${description}` : "");
    const values = word === "enum" ? (enumValues(item.schema) ?? []) : [];
    if (values.length === 0) continue;
    w.line("Possible enum values:");
    values.forEach((value, i) => {
      w.write(`- \`${valueText(value)}\``);
      if (i === values.length - 1) w.place(...item.facts.filter((f) => f.attribute === "enum"));
      w.line();
    });
  }
}

export function renderStripeMarkdownPage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
  order: StripeMarkdownOrder,
  oneLinePage: boolean,
): RenderedPage {
  const w = new PageWriter();
  writeNavigation(w, api, perturbations, "- ");
  w.line(`# ${operationTitle(op)}`);
  if (oneLine(op.description)) w.line(oneLine(op.description));
  const returns = (): void => {
    w.line(`## Returns ${oneLine(successResponse(op)?.description) || "Returns the object."}`);
  };
  const request = (): void => {
    const before = prerequisite(api, op);
    if (before) {
      const body = before.requestBody ? JSON.stringify(sampleObject(before.requestBody.schema, true)) : "";
      w.line("## Prerequisites Run this request first to create the objects this one needs.");
      w.line(
        `- 1. ${before.operationId ?? "request"} ${before.method.toUpperCase()} ${before.path} ${body}`.trimEnd(),
      );
    }
    w.line("## Request").line("```curl");
    const lines = stripeCurlLines(api, op, (name) => `{{${name.toUpperCase()}}}`, '-u "<>"');
    lines.forEach((l, i) => {
      w.write(l);
      if (i === lines.length - 1) w.place(operationFact(op));
      w.line();
    });
    w.line("```");
    const schema = successResponse(op)?.schema;
    const sample = schema ? sampleObject(schema, false) : {};
    const keys = Object.entries(sample).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    w.line("### Response").line("```json").line("{");
    if (keys.length > 0) w.line(keys.join(",\n"));
    w.line("}").line("```");
  };
  // A page that kept its line breaks has no Parameters section (LAYOUTS.md).
  const parameters = (): void => {
    if (oneLinePage) writeItems(w, items(op));
  };
  const sections =
    order === "returns-first" ? [returns, parameters, request] : [request, parameters, returns];
  for (const section of sections) section();
  writeFooter(w, perturbations);
  const page = w.page(pageFile(index, op, ".md"));
  if (!oneLinePage) return page;
  // The one line ends without a line break; every other break became one space.
  const flat = flattenToOneLine(page);
  return { ...flat, text: flat.text.replace(/ $/, "") };
}

export const stripeMarkdown: Renderer = {
  name: "stripe-markdown",
  imitates: "LAYOUTS.md family 2 (docs.stripe.com markdown)",
  perturbations: ["flattenedToOneLine", "navigationNoise"],
  render(api, perturbations) {
    return api.operations.map((op, index) => {
      const key = `${api.name} ${op.method} ${op.path}`;
      const order = pick<StripeMarkdownOrder>(`${key} order`, ["returns-first", "request-first"]);
      // Usually one line: three pages in four, every page under the flattening perturbation.
      const flat =
        perturbations.flattenedToOneLine === true || pick(`${key} flat`, [true, true, true, false]);
      return renderStripeMarkdownPage(api, op, index, perturbations, order, flat);
    });
  },
};
