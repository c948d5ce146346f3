// LAYOUTS.md family 4: Fern (seed 004's family), one operation a page. Two captures, chosen per page: the
// whole page (llms.txt banner, a nav of the API's *other* operations as `  • GETList widgets`, the
// breadcrumb glued to the title, `PATCH` + full URL then `PATCH` + path, a prompted curl, line-numbered
// JSON) and the main content alone (no nav, method, URL or curl: nothing places the operation). Fields are
// glued runs `nameTYPERequired|Optional<constraint>` with the description on the next line; `Allowed
// values:` is left empty (the values are not captured), nested properties stay collapsed, response fields
// have the request shape without Required/Optional, and `Errors` lists `404` / `Not Found Error` or nothing.
//
// Facts it claims: on a whole-page capture, the operation and every field and error status it shows. On a
// main-content capture, which shows fields and errors under a title but no method, URL or curl, the fields
// and statuses only where REST convention places the operation from its title under the routes the site's
// whole-page captures show (title-placement.ts, the rule ReadMe's reference pages follow): elsewhere a
// reader sees fields but not the operation they belong to. The scraper still reads every such page and
// may place it (by title, convention, a nav's method or the path parameters it declares); what it places
// counts for precision like any scraped fact.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { placedByTitle } from "./title-placement.ts";
import { operationFact, parameterFacts, propertyFacts, statusFact } from "../facts.ts";
import { isNullable, itemsOf, schemaTypes } from "../schema-walk.ts";
import { PageWriter, fieldName } from "./page-writer.ts";
import { bodyProperties, enumValues, singleType, valueText } from "./schema-text.ts";
import {
  bodyFields,
  colonPath,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  reasonPhrase,
  sampleObject,
  shownFacts,
  successResponse,
  parameterSchema,
  writeNavigation,
  writeFooter,
  parameterSections,
} from "./family-kit.ts";

export type FernCapture = "whole-page" | "main-content";

const FORMAT_WORDS: Record<string, string> = { "date-time": "datetime", date: "date" };

/** Fern's type words: `enum`, `long`, `double`, `datetime`, `list of strings`, `map from strings to any`. */
function baseWord(schema: Schema, depth = 0): string {
  const type = singleType(schema);
  const values = enumValues(schema);
  if (type === "string" && values && values.length > 0) return "enum";
  if (type === "string") return FORMAT_WORDS[schema.format as string] ?? "string";
  if (type === "integer") return schema.format === "int64" ? "long" : "integer";
  if (type === "number") return "double";
  if (type === "boolean") return "boolean";
  if (type === "array") {
    const items = itemsOf(schema);
    const word = items && depth < 3 ? baseWord(items, depth + 1) : "any";
    return `list of ${word === "any" ? "any" : `${word}s`}`;
  }
  if (type === "object") {
    const value = schema.additionalProperties;
    const hasProperties = schema.properties && Object.keys(schema.properties).length > 0;
    if (!hasProperties && value !== undefined && value !== false) {
      const valueWord = typeof value === "object" && depth < 3 ? baseWord(value as Schema, depth + 1) : "any";
      return `map from strings to ${valueWord}`;
    }
    return "object";
  }
  return "any";
}

/** The glued run after the name, and which fact attributes it states. */
function fieldRun(schema: Schema, required: boolean | undefined): { run: string; attributes: Set<string> } {
  const attributes = new Set(["exists"]);
  const types = schemaTypes(schema).filter((t) => t !== "null");
  const word = baseWord(schema);
  if (types.length === 1 && word !== "any") attributes.add("type");
  let run = word;
  if (isNullable(schema)) {
    run += " or null";
    attributes.add("nullable");
  }
  if (word === "long" || FORMAT_WORDS[schema.format as string] === word) attributes.add("format");
  if (required !== undefined) {
    run += required ? "Required" : "Optional";
    attributes.add("required");
  }
  const { minLength, maxLength, minimum, maximum, format } = schema;
  if (typeof minLength === "number" && minLength === maxLength) {
    run += `=${minLength} characters`;
    attributes.add("minLength").add("maxLength");
  } else {
    if (typeof minLength === "number") run += `>=${minLength} characters`;
    if (typeof maxLength === "number") run += `<=${maxLength} characters`;
    if (typeof minLength === "number") attributes.add("minLength");
    if (typeof maxLength === "number") attributes.add("maxLength");
  }
  if (typeof minimum === "number") run += `>=${minimum}`;
  if (typeof maximum === "number") run += `<=${maximum}`;
  if (typeof minimum === "number") attributes.add("minimum");
  if (typeof maximum === "number") attributes.add("maximum");
  if (typeof format === "string" && !attributes.has("format") && word === "string") {
    run += `format: "${format}"`;
    attributes.add("format");
  }
  if ("default" in schema && schema.default !== undefined) run += `Defaults to ${valueText(schema.default)}`;
  return { run, attributes };
}

function writeField(
  w: PageWriter,
  name: string,
  schema: Schema,
  required: boolean | undefined,
  facts: Fact[],
  p: Perturbations,
): void {
  const { run, attributes } = fieldRun(schema, required);
  w.write(`${fieldName(name, p)}${run}`)
    .place(...shownFacts(facts, attributes))
    .line();
  const description = oneLine(schema.description as string | undefined);
  if (description) w.line(description);
  if (baseWord(schema) === "enum") w.line("Allowed values:");
}

function methodWord(op: RenderOperation): string {
  return op.method === "delete" ? "DEL" : op.method.toUpperCase();
}

function writeWholePageHead(w: PageWriter, api: RenderApi, op: RenderOperation): void {
  const server = (api.servers[0] ?? "https://api.example.com").replace(/\/$/, "");
  w.line(
    "For AI agents: a documentation index is available at the root level at /llms.txt and /llms-full.txt.",
  );
  w.line("  • API Reference");
  for (const other of api.operations.slice(0, 30)) {
    if (other !== op) w.line(`      • ${methodWord(other)}${operationTitle(other)}`);
  }
  w.line(`API Reference${op.tags[0] ?? ""}`)
    .line()
    .line(operationTitle(op))
    .line();
  const method = op.method.toUpperCase();
  w.line(method)
    .line(`${server}${colonPath(op.path)}`)
    .line(method);
  w.write(colonPath(op.path)).place(operationFact(op)).line();
  const url = `${server}${op.path.replace(/\{([^{}]*)\}/g, "$1")}`;
  w.line(`$curl -X ${method} ${url} \\`);
  w.line('> -H "Authorization: Bearer <token>" \\');
  w.line('> -H "Content-Type: application/json" \\');
  w.line("> -d '{}'");
  const schema = successResponse(op)?.schema;
  const sample = JSON.stringify(schema ? sampleObject(schema, false) : {}, null, 1).split("\n");
  sample.forEach((l, i) => w.line(`${i + 1}${l}`));
  w.line();
}

export function renderFernPage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
  capture: FernCapture,
  errorsShown: boolean,
  /** Whether the site shows the route of a main-content capture (the head comment); a whole page does. */
  placed = false,
): RenderedPage {
  const w = new PageWriter();
  const claimed = (facts: Fact[]): Fact[] => (capture === "whole-page" || placed ? facts : []);
  // The whole-page capture has Fern's own nav instead.
  if (capture === "main-content") writeNavigation(w, api, perturbations);
  if (capture === "whole-page") writeWholePageHead(w, api, op);
  else w.line(operationTitle(op)).line();
  if (oneLine(op.description)) w.line(oneLine(op.description)).line();
  if (capture === "whole-page")
    w.line("Was this page helpful?").line("Previous").line().line("Next").line("Built with").line();
  const sections = [
    ["Path parameters", "path"],
    ["Query parameters", "query"],
    ["Headers", "header"],
  ] as const;
  for (const { heading, params } of parameterSections(op, sections)) {
    w.line(heading).line();
    for (const p of params)
      writeField(w, p.name, parameterSchema(p), p.required, claimed(parameterFacts(op, p)), perturbations);
    w.line();
  }
  if (op.requestBody) {
    const type = singleType(op.requestBody.schema);
    w.line("Request").line();
    w.line(
      `This endpoint expects ${type === "array" ? "a list" : type === "object" ? "an object" : `a ${baseWord(op.requestBody.schema)}`}.`,
    );
    for (const property of bodyFields(op)) {
      if (property.depth !== 1) continue;
      writeField(
        w,
        property.name,
        property.schema,
        property.required,
        claimed(propertyFacts(op, property)),
        perturbations,
      );
    }
    w.line();
  }
  const success = successResponse(op);
  if (success) {
    w.line("Response");
    if (oneLine(success.description)) w.line(oneLine(success.description));
    const schema = success.schema;
    if (schema) {
      for (const property of bodyProperties(schema)) {
        if (property.depth === 1) writeField(w, property.name, property.schema, undefined, [], perturbations);
      }
    }
    w.line();
  }
  w.line("Errors").line();
  if (errorsShown) {
    for (const response of op.responses) {
      const reason = reasonPhrase(response.status);
      if (!/^[45]/.test(response.status) || !reason) continue;
      w.write(response.status)
        .place(...claimed([statusFact(op, response.status)]))
        .line();
      w.line(`${reason} Error`);
    }
  }
  writeFooter(w, perturbations);
  return w.page(pageFile(index, op, ".txt"));
}

export const fern: Renderer = {
  name: "fern",
  imitates: "LAYOUTS.md family 4 (Fern)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    // `Errors` is often empty, even on whole pages: per API, the same way on every page of it.
    const errorsShown = pick(`${api.name} errors`, [true, false]);
    const captureOf = (op: RenderOperation): FernCapture =>
      pick<FernCapture>(`${api.name} ${op.method} ${op.path}`, ["whole-page", "main-content"]);
    const wholePages = api.operations.filter((op) => captureOf(op) === "whole-page");
    return api.operations.map((op, index) => {
      const capture = captureOf(op);
      const placed = capture === "main-content" && placedByTitle(op, wholePages);
      return renderFernPage(api, op, index, perturbations, capture, errorsShown, placed);
    });
  },
};
