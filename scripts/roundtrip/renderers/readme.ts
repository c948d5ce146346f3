// LAYOUTS.md family 7: ReadMe, one operation a page, with no method or path. The capture has ReadMe's
// noise (`Recent Requests`, a log-in line, `TimeStatusUser Agent`, `LoadingLoading…`; the try-it footer)
// and `Path Params`, `Query Params`, `Headers`, `Body Params` or `Form Data`, `Responses`. A SCALAR FIELD
// HAS NO NAME (its input label is not captured): only its type (`string`, `int64`, `uuid`), [`enum`],
// [`required`], [`Defaults to x`], a length, the description and an empty `Allowed:`; so nothing about it
// can be claimed. Arrays and objects keep their name and repeat it after the description. The guide-page
// variant (one API in three) has `Name | Type | Description | Required |` tables instead, where a row that
// lost its name cell is shifted left, and ends `Updated N days ago`.
//
// WHAT A READMe SITE SHOWS (the decision behind every claim here). A reference page shows no method and no
// path, so by itself it shows no operation, and a field it shows belongs to no route. One operation in
// three is captured as ReadMe's other page type instead, `patch https://{host}/path`, `Example:` and the
// body's JSON with the description glued after the `}`: it shows the operation and its path parameters
// (nothing of the JSON: fields are never read from an example). Where the server URL has a path of its
// own the URL does not show where the route starts, but it shows the call: the scorer reads the scraped
// routes under the source's servers (server-frame.ts), so the page claims the operation all the same.
// A reference page's operation is shown only where REST convention places it from its title under what
// those request pages show (title-placement.ts, shared with Fern's main-content captures): the title is
// a CRUD verb and a noun ("Create a widget", "getWidgets", "Delete a widget"), the operation's method is
// that verb's (an update's, the method the request pages show for updating an item), and its path is the
// base most request pages share + the noun's plural (+ one parameter for an item). Only then does the page
// claim its named fields and status codes; a site with no request page shows no operation at all.
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
import { itemsOf } from "../schema-walk.ts";
import { PageWriter, fieldName, tableRow, tableSeparator } from "./page-writer.ts";
import { placedByTitle } from "./title-placement.ts";
import { enumValues, singleType, valueText } from "./schema-text.ts";
import {
  bodyFields,
  oneLine,
  operationTitle,
  pageFile,
  parameterSchema,
  writeNavigation,
  writeFooter,
  parameterSections,
  pick,
  sampleObject,
} from "./family-kit.ts";

const FORMAT_WORDS = new Set([
  "int32",
  "int64",
  "uuid",
  "uri",
  "date",
  "date-time",
  "float",
  "double",
  "email",
]);

/** ReadMe's type line: the format when it has a word for it, `array of strings`, else the JSON type. */
function typeLine(schema: Schema): string {
  const type = singleType(schema);
  if (type === "array") {
    const items = itemsOf(schema);
    const itemType = items ? (singleType(items) ?? "any") : "any";
    return `array of ${itemType === "any" ? "any" : `${itemType}s`}`;
  }
  if (typeof schema.format === "string" && FORMAT_WORDS.has(schema.format)) return schema.format;
  return type ?? "any";
}

function lengthLine(schema: Schema): string | undefined {
  const { minLength: low, maxLength: high } = schema;
  if (typeof low === "number" && typeof high === "number") return `length between ${low} and ${high}`;
  if (typeof low === "number") return `length ≥ ${low}`;
  if (typeof high === "number") return `length ≤ ${high}`;
  return undefined;
}

function writeField(
  w: PageWriter,
  name: string,
  schema: Schema,
  required: boolean,
  facts: Fact[],
  p: Perturbations,
): void {
  const type = singleType(schema);
  const named = type === "array" || type === "object";
  if (named) w.line(fieldName(name, p));
  w.write(typeLine(schema));
  // Only a named field's facts can be claimed: its name, that it is (not) required, its type.
  if (named) {
    w.place(...facts.filter((f) => f.attribute === "exists" || f.attribute === "type"));
  }
  w.line();
  const values = enumValues(schema) ?? [];
  if (values.length > 0 && !named) w.line("enum");
  if (required) w.line("required");
  if (named) w.place(...facts.filter((f) => f.attribute === "required"));
  if ("default" in schema && schema.default !== undefined) w.line(`Defaults to ${valueText(schema.default)}`);
  const length = lengthLine(schema);
  if (length) w.line(length);
  const description = oneLine(schema.description as string | undefined);
  if (description) w.line().line(description);
  if (values.length > 0 && !named) w.line().line("Allowed:");
  if (named) w.line().line(fieldName(name, p));
}

/** One row of the guide page's table; one row in six has lost its name cell, which shifts it left. */
interface GuideRow {
  name: string;
  schema: Schema;
  required: boolean;
  facts: Fact[];
}

function writeGuideTable(w: PageWriter, rows: GuideRow[], key: string, p: Perturbations): void {
  w.line(tableRow(["Name", "Type", "Description", "Required"], p)).line(tableSeparator(4, p));
  for (const row of rows) {
    const cells = [
      typeLine(row.schema),
      oneLine(row.schema.description as string | undefined),
      row.required ? "Yes" : "No",
    ];
    if (pick(`${key} ${row.name}`, [false, false, false, false, false, true])) {
      w.line(tableRow(cells, p));
      continue;
    }
    const typed = singleType(row.schema) !== undefined;
    w.write(tableRow([row.name, ...cells], p));
    w.place(
      ...row.facts.filter((f) => ["exists", "required", ...(typed ? ["type"] : [])].includes(f.attribute)),
    );
    w.line();
  }
}

export type ReadmeStyle = "reference" | "guide";

function host(api: RenderApi): string {
  return (api.servers[0] ?? "https://api.example.com").replace(/\/$/, "");
}

/**
 * The `patch https://{host}/path` page type: method and URL, `Example:`, the body's JSON with the
 * description glued after the `}`. It shows the operation and its path parameters, nothing of the JSON.
 */
export function renderReadmeRequestPage(api: RenderApi, op: RenderOperation, index: number): RenderedPage {
  const w = new PageWriter();
  w.write(`${op.method} ${host(api)}${op.path}`)
    .place(...requestLineFacts(op))
    .line()
    .line();
  w.line("Example:").line();
  const schema = op.requestBody?.schema;
  w.line(`${JSON.stringify(schema ? sampleObject(schema, false) : {}, null, 2)}${oneLine(op.description)}`);
  return w.page(pageFile(index, op, ".txt"));
}

export function renderReadmePage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
  style: ReadmeStyle = "reference",
  /** Whether the site shows this operation (placedByTitle): only then are the page's facts claimed. */
  shown = true,
): RenderedPage {
  const w = new PageWriter();
  const key = `${api.name} ${op.method} ${op.path}`;
  writeNavigation(w, api, perturbations);
  w.line(operationTitle(op));
  if (oneLine(op.description)) w.line(oneLine(op.description));
  if (style === "reference") {
    w.line("Recent Requests").line("Log in to see full request history").line("TimeStatusUser Agent");
    w.line("LoadingLoading…").line();
  }
  const sections = [
    ["Path Params", "path"],
    ["Query Params", "query"],
    ["Headers", "header"],
  ] as const;
  for (const { heading, params } of parameterSections(op, sections)) {
    w.line(heading);
    const rows = params.map((x) => ({
      name: x.name,
      schema: parameterSchema(x),
      required: x.required,
      facts: parameterFacts(op, x),
    }));
    if (style === "guide") writeGuideTable(w, rows, key, perturbations);
    else for (const row of rows) writeField(w, row.name, row.schema, row.required, row.facts, perturbations);
  }
  if (op.requestBody) {
    const form = /form/.test(op.requestBody.contentType);
    w.line(form ? "Form Data" : "Body Params");
    // Nested fields sit behind a collapsed "object" toggle: only the top level is captured.
    const rows = bodyFields(op)
      .filter((property) => property.depth === 1)
      .map((property) => ({
        name: property.name,
        schema: property.schema,
        required: property.required,
        facts: propertyFacts(op, property),
      }));
    if (style === "guide") writeGuideTable(w, rows, key, perturbations);
    else for (const row of rows) writeField(w, row.name, row.schema, row.required, row.facts, perturbations);
  }
  if (op.responses.length > 0) {
    w.line("Responses").line();
    for (const response of op.responses) {
      w.write(response.status).place(statusFact(op, response.status)).line();
      w.line()
        .line(oneLine(response.description) || "OK")
        .line();
    }
  }
  if (style === "guide") {
    w.line("Updated 3 days ago");
  } else {
    w.line("Language").line("Shell Node Ruby PHP Python").line("Credentials").line("Bearer");
    w.line("Click Try It! to start a request and see the response here!");
  }
  writeFooter(w, perturbations);
  const page = w.page(pageFile(index, op, ".txt"));
  return shown ? page : { ...page, facts: [] };
}

export const readme: Renderer = {
  name: "readme",
  imitates: "LAYOUTS.md family 7 (ReadMe)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise", "tablesWithoutOuterPipes"],
  render(api, perturbations) {
    // Reference pages (nameless scalar fields) in most APIs, guide pages with tables in one in three; one
    // operation in three captured as the `patch https://{host}/path` page type.
    const style = pick<ReadmeStyle>(`${api.name} style`, ["reference", "reference", "guide"]);
    const asRequest = (op: RenderOperation): boolean =>
      pick(`${api.name} ${op.method} ${op.path} request page`, [true, false, false]);
    const requestPages = api.operations.filter(asRequest);
    return api.operations.map((op, index) =>
      asRequest(op)
        ? renderReadmeRequestPage(api, op, index)
        : renderReadmePage(api, op, index, perturbations, style, placedByTitle(op, requestPages)),
    );
  },
};
