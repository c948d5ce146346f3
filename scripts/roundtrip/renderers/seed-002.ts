// Seed 002's layout (LAYOUTS.md family 3): an API-catalogue page per operation. `METHOD /path` on line 1,
// the description one paragraph per line, `Servers` with a list, then pipe tables under `Path
// parameters`, `Query parameters`, `Request headers` (a Content-Type row with `Default value: "<type>"`)
// and `Request body fields`, each `| Name | Type | Required | Description |` with its rows broken over
// lines (`name |`, `String | Yes |`, the description and `|`). Nested body fields are written `a.b`,
// arrays `name[]`, array items' fields `a[].b`. The damage the seed shows is kept: a field whose type is a
// union has lost its Type cell (`No | ||`) and its children; an enum's values are lost (`Valid values:`
// then `|`). The page ends with the catalogue's "How to start integrating" footer.
//
// Facts it claims: the operation (line 1); for every parameter (its place is its table's heading) and
// every body property to depth 6 its existence, required (Yes/No) and its type when a Type cell is
// written. Not shown: enum values, formats, limits, nullable, status codes.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderParameter,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { operationFact, parameterFacts, propertyFacts } from "../facts.ts";
import { bodyProperties, enumValues, singleType } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, navigationLines, tableRow } from "./page-writer.ts";
import { pageFile } from "./seed-000.ts";
import { paragraphs } from "./stripe-docs.ts";

const HEADER = ["Name", "Type", "Required", "Description"];

/** The catalogue's own footer (seed 002). */
const CATALOGUE_FOOTER = [
  "How to start integrating",
  "- Add HTTP Task to your workflow definition.",
  "- Search for the API you want to integrate with and click on the name.",
  "- This loads the API reference documentation and prepares the Http request settings.",
  "- Click Test request to test run your request to the API and see the API's response.",
];

const PARAMETER_SECTIONS: [RenderParameter["in"], string][] = [
  ["path", "Path parameters"],
  ["query", "Query parameters"],
  ["cookie", "Cookie parameters"],
];

/** A Type cell: "String", "Object", "Array"; undefined when the type is a union (the cell is lost). */
function typeCell(schema: Schema): string | undefined {
  const type = singleType(schema);
  return type ? type.charAt(0).toUpperCase() + type.slice(1) : undefined;
}

interface Row {
  name: string;
  schema: Schema;
  required: boolean;
  description?: string;
  /** exists and the rest, placed at the name cell and at the Type/Required cells. */
  exists: Fact[];
  rest: Fact[];
}

function descriptionOf(schema: Schema, fallback?: string): string | undefined {
  const text = typeof schema.description === "string" ? schema.description : fallback;
  const joined = paragraphs(text).join(" ");
  return joined === "" ? undefined : joined;
}

/** One row broken over lines as the catalogue writes it (see the file head). */
function writeRow(w: PageWriter, row: Row): void {
  w.write(`${row.name} |`);
  w.place(...row.exists);
  w.write("\n");
  const type = typeCell(row.schema);
  const required = row.required ? "Yes" : "No";
  w.write(type ? `${type} | ${required} |` : `${required} |`);
  w.place(...row.rest);
  const values = enumValues(row.schema);
  let description = row.description ?? "";
  if (values && values.length > 0) description = `${description} Valid values:`.trimStart();
  if (description === "") {
    w.write(type ? " |\n" : "|\n");
    return;
  }
  w.write(`\n${description}`);
  w.write(values && values.length > 0 ? "\n|\n" : " |\n");
}

function writeTable(
  w: PageWriter,
  heading: string,
  rows: readonly Row[],
  perturbations: Perturbations,
): void {
  w.line(heading);
  w.line(tableRow(HEADER, perturbations));
  // The catalogue's separator has no spaces (`|---|---|`), unlike page-writer's tableSeparator.
  const separator = HEADER.map(() => "---").join("|");
  w.line(perturbations.tablesWithoutOuterPipes ? separator : `|${separator}|`);
  for (const row of rows) writeRow(w, row);
}

function split(facts: Fact[]): { exists: Fact[]; rest: Fact[] } {
  return {
    exists: facts.filter((f) => f.attribute === "exists"),
    rest: facts.filter((f) => f.attribute !== "exists"),
  };
}

function parameterRows(op: RenderOperation, place: RenderParameter["in"]): Row[] {
  return op.parameters
    .filter((p) => p.in === place)
    .map((p) => {
      const description = descriptionOf({}, p.description);
      return {
        name: p.name,
        schema: p.schema,
        required: p.required,
        ...(description ? { description } : {}),
        ...split(parameterFacts(op, p)),
      };
    });
}

/** Body rows: every property to depth 6, except what lies under a union (the catalogue lost it). */
function bodyRows(op: RenderOperation): Row[] {
  if (!op.requestBody) return [];
  const rows: Row[] = [];
  const lost: string[] = [];
  for (const property of bodyProperties(op.requestBody.schema)) {
    if (lost.some((prefix) => property.path.startsWith(prefix))) continue;
    const type = singleType(property.schema);
    if (!type) lost.push(`${property.path}.`, `${property.path}[]`);
    const facts = propertyFacts(op, property).filter((f) =>
      ["exists", "required", "type"].includes(f.attribute),
    );
    const description = descriptionOf(property.schema);
    rows.push({
      name: type === "array" ? `${property.path}[]` : property.path,
      schema: property.schema,
      required: property.required,
      ...(description ? { description } : {}),
      ...split(facts),
    });
  }
  return rows;
}

function renderOperation(api: RenderApi, op: RenderOperation, perturbations: Perturbations): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) for (const line of navigationLines(api)) w.line(line);
  w.write(`${op.method.toUpperCase()} ${op.path}`);
  w.place(operationFact(op));
  w.write("\n");
  for (const p of paragraphs(op.description ?? op.summary)) w.line(p);
  w.line("Servers");
  for (const server of api.servers) w.line(`- ${server}`);
  for (const [place, heading] of PARAMETER_SECTIONS) {
    const rows = parameterRows(op, place);
    if (rows.length > 0) writeTable(w, heading, rows, perturbations);
  }
  const headers = parameterRows(op, "header");
  const body = bodyRows(op);
  if (op.requestBody && body.length > 0) {
    headers.unshift({
      name: "Content-Type",
      schema: { type: "string" },
      required: true,
      description: `The media type of the request body.\nDefault value: "${op.requestBody.contentType}"`,
      exists: [],
      rest: [],
    });
  }
  if (headers.length > 0) writeTable(w, "Request headers", headers, perturbations);
  if (body.length > 0) writeTable(w, "Request body fields", body, perturbations);
  w.write(CATALOGUE_FOOTER.join("\n"));
  if (perturbations.navigationNoise) w.write(`\n${FOOTER_LINES.join("\n")}\n`);
  return w.page(pageFile(op).replace(/\.html$/, ".txt"));
}

export const seed002: Renderer = {
  name: "seed-002",
  imitates: "seed 002 (LAYOUTS.md family 3, API-catalogue pipe tables)",
  perturbations: ["tablesWithoutOuterPipes", "navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    return api.operations.map((op) => renderOperation(api, op, perturbations));
  },
};
