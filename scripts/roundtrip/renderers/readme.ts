// LAYOUTS.md family 7: ReadMe, one operation a page, with no method or path. The capture has ReadMe's
// noise (`Recent Requests`, a log-in line, `TimeStatusUser Agent`, `LoadingLoading…`; the try-it footer)
// and `Path Params`, `Query Params`, `Headers`, `Body Params` or `Form Data`, `Responses`. A SCALAR FIELD
// HAS NO NAME (its input label is not captured): only its type (`string`, `int64`, `uuid`), [`enum`],
// [`required`], [`Defaults to x`], a length, the description and an empty `Allowed:`; so nothing about it
// can be claimed. Arrays and objects keep their name and repeat it after the description.
import type {
  Fact,
  Perturbations,
  RenderApi,
  RenderOperation,
  RenderedPage,
  Renderer,
  Schema,
} from "../types.ts";
import { parameterFacts, propertyFacts, statusFact } from "../facts.ts";
import { itemsOf } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, fieldName, navigationLines } from "./page-writer.ts";
import { enumValues, singleType, valueText } from "./schema-text.ts";
import { bodyFields, oneLine, operationTitle, pageFile, parameterSchema } from "./family-kit.ts";

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

export function renderReadmePage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) for (const l of navigationLines(api)) w.line(l);
  w.line(operationTitle(op));
  if (oneLine(op.description)) w.line(oneLine(op.description));
  w.line("Recent Requests").line("Log in to see full request history").line("TimeStatusUser Agent");
  w.line("LoadingLoading…").line();
  const sections: [string, "path" | "query" | "header"][] = [
    ["Path Params", "path"],
    ["Query Params", "query"],
    ["Headers", "header"],
  ];
  for (const [heading, location] of sections) {
    const params = op.parameters.filter((p) => p.in === location);
    if (params.length === 0) continue;
    w.line(heading);
    for (const p of params)
      writeField(w, p.name, parameterSchema(p), p.required, parameterFacts(op, p), perturbations);
  }
  if (op.requestBody) {
    const form = /form/.test(op.requestBody.contentType);
    w.line(form ? "Form Data" : "Body Params");
    for (const property of bodyFields(op)) {
      // Nested fields sit behind a collapsed "object" toggle: only the top level is captured.
      if (property.depth !== 1) continue;
      writeField(
        w,
        property.name,
        property.schema,
        property.required,
        propertyFacts(op, property),
        perturbations,
      );
    }
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
  w.line("Language").line("Shell Node Ruby PHP Python").line("Credentials").line("Bearer");
  w.line("Click Try It! to start a request and see the response here!");
  if (perturbations.navigationNoise) for (const l of FOOTER_LINES) w.line(l);
  return w.page(pageFile(index, op, ".txt"));
}

export const readme: Renderer = {
  name: "readme",
  imitates: "LAYOUTS.md family 7 (ReadMe)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    return api.operations.map((op, index) => renderReadmePage(api, op, index, perturbations));
  },
};
