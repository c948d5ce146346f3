// LAYOUTS.md family 6: Mintlify, one operation a page. A skip-link (maybe translated), the method, then the
// path ONE SEGMENT PER LINE, the title, optionally a curl sample with a localhost host and `"<string>"`
// response JSON, then `Path Parameters`, `Query Parameters`, `Headers`, `Body` (then the media type) and
// `Response`, and the llms.txt "Documentation Index" block last. Fields are one token per line: name, type
// (`enum<string>`, `string<email> | null`, `object[]`), [`header`], [`required`], [`default:50`], then
// blank-separated blocks: the description, `Available options:` with `a,` lines, `Required range: 1 <= x
// <= 50`, `Required string length: 2 - 40`; an object's children follow `Show child attributes` as `a.b`.
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
import { isNullable, itemsOf, schemaTypes } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, fieldName, navigationLines } from "./page-writer.ts";
import { enumValues, singleType, valueText } from "./schema-text.ts";
import {
  bodyFields,
  oneLine,
  operationTitle,
  pageFile,
  pick,
  sampleObject,
  shownFacts,
  successResponse,
  parameterSchema,
} from "./family-kit.ts";

export type MintlifySamples = "none" | "curl-at-top";

/** `enum<string>`, `string<email>`, `integer<int64>`, `object[]`, `any`; and whether it states a format. */
function typeWord(schema: Schema, depth = 0): { word: string; format: boolean } {
  const type = singleType(schema);
  const values = enumValues(schema);
  if (type === "array") {
    const items = itemsOf(schema);
    return { word: `${items && depth < 3 ? typeWord(items, depth + 1).word : "any"}[]`, format: false };
  }
  if (type && type !== "array" && values && values.length > 0 && !Array.isArray(schema.items)) {
    return { word: `enum<${type}>`, format: false };
  }
  if (type && typeof schema.format === "string") return { word: `${type}<${schema.format}>`, format: true };
  return { word: type ?? "any", format: false };
}

interface Field {
  label: string;
  schema: Schema;
  required: boolean;
  header: boolean;
  facts: Fact[];
}

function writeField(w: PageWriter, field: Field, p: Perturbations): void {
  const { schema } = field;
  const { word, format } = typeWord(schema);
  const nullable = isNullable(schema);
  const shown = new Set(["exists", "required"]);
  if (schemaTypes(schema).filter((t) => t !== "null").length === 1) shown.add("type");
  if (format) shown.add("format");
  if (nullable) shown.add("nullable");
  w.line(fieldName(field.label, p));
  w.write(`${word}${nullable ? " | null" : ""}`);
  if (field.header) w.write("\nheader");
  if (field.required) w.write("\nrequired");
  w.place(...shownFacts(field.facts, shown)).line();
  if ("default" in schema && schema.default !== undefined) w.line(`default:${valueText(schema.default)}`);
  const description = oneLine(schema.description as string | undefined);
  if (description) w.line().line(description);
  const values = enumValues(schema) ?? [];
  if (values.length > 0 && word.startsWith("enum<")) {
    w.line().line("Available options:");
    values.forEach((v, i) => {
      w.write(`${valueText(v)}${i < values.length - 1 ? "," : ""}`);
      if (i === values.length - 1) w.place(...shownFacts(field.facts, new Set(["enum"])));
      w.line();
    });
  }
  const { minimum, maximum, minLength, maxLength } = schema;
  const range = (low: unknown, high: unknown, separator: string): string | undefined => {
    if (typeof low === "number" && typeof high === "number") return `${low}${separator}${high}`;
    if (typeof low === "number") return `x >= ${low}`;
    if (typeof high === "number") return `x <= ${high}`;
    return undefined;
  };
  const numbers = range(minimum, maximum, " <= x <= ");
  if (numbers) {
    w.line().write(`Required range: ${numbers}`);
    w.place(...shownFacts(field.facts, new Set(["minimum", "maximum"]))).line();
  }
  const lengths = range(minLength, maxLength, " - ");
  if (lengths) {
    w.line().write(`Required string length: ${lengths}`);
    w.place(...shownFacts(field.facts, new Set(["minLength", "maxLength"]))).line();
  }
}

function writeFields(
  w: PageWriter,
  fields: Field[],
  p: Perturbations,
  childrenOf: Map<string, Field[]>,
): void {
  fields.forEach((field, i) => {
    if (i > 0) w.line();
    writeField(w, field, p);
    const children = childrenOf.get(field.label) ?? [];
    if (children.length > 0) {
      w.line().line("Show child attributes").line();
      writeFields(w, children, p, childrenOf);
    }
  });
}

export function renderMintlifyPage(
  api: RenderApi,
  op: RenderOperation,
  index: number,
  perturbations: Perturbations,
  samples: MintlifySamples,
): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) for (const l of navigationLines(api)) w.line(l);
  w.line(
    pick(`${api.name} skip`, [
      "Skip to main content",
      "Zum Hauptinhalt springen",
      "Aller au contenu principal",
    ]),
  );
  w.line(op.method.toUpperCase());
  const segments = op.path.split("/").slice(1);
  segments.forEach((segment, i) => {
    w.line("/").write(segment);
    if (i === segments.length - 1) w.place(operationFact(op));
    w.line();
  });
  w.line(operationTitle(op));
  if (samples === "curl-at-top") {
    w.line("cURL").line(`curl --request ${op.method.toUpperCase()} \\`);
    w.line(`  --url http://localhost:3000${op.path} \\`).line("  --header 'Authorization: Bearer <token>'");
    const schema = successResponse(op)?.schema;
    const sample = schema ? sampleObject(schema, false) : {};
    const placeholders = Object.fromEntries(Object.keys(sample).map((k) => [k, "<string>"]));
    w.line(JSON.stringify(placeholders, null, 2));
  }
  if (oneLine(op.description)) w.line(oneLine(op.description));
  const sections: [string, "path" | "query" | "header"][] = [
    ["Path Parameters", "path"],
    ["Query Parameters", "query"],
    ["Headers", "header"],
  ];
  for (const [heading, location] of sections) {
    const params = op.parameters.filter((p) => p.in === location);
    if (params.length === 0) continue;
    w.line(heading).line();
    const fields = params.map((p) => ({
      label: p.name,
      schema: parameterSchema(p),
      required: p.required,
      header: location === "header",
      facts: parameterFacts(op, p),
    }));
    writeFields(w, fields, perturbations, new Map());
  }
  if (op.requestBody) {
    w.line("Body").line().line(op.requestBody.contentType);
    const childrenOf = new Map<string, Field[]>();
    const top: Field[] = [];
    for (const property of bodyFields(op)) {
      const label = property.path.replace(/\[\]/g, "");
      const field = {
        label,
        schema: property.schema,
        required: property.required,
        header: false,
        facts: propertyFacts(op, property),
      };
      if (property.depth === 1) top.push(field);
      else {
        const parent = label.slice(0, label.lastIndexOf("."));
        childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), field]);
      }
    }
    writeFields(w, top, perturbations, childrenOf);
  }
  if (op.responses.length > 0) {
    w.line("Response").line();
    for (const response of op.responses) {
      w.write(`${response.status}${response.contentType ? ` - ${response.contentType}` : ""}`);
      w.place(statusFact(op, response.status)).line();
      if (oneLine(response.description)) w.line(oneLine(response.description));
    }
  }
  w.line().line("Documentation Index");
  w.line("Fetch the complete documentation index at: https://docs.example.test/llms.txt");
  if (perturbations.navigationNoise) for (const l of FOOTER_LINES) w.line(l);
  return w.page(pageFile(index, op, ".txt"));
}

export const mintlify: Renderer = {
  name: "mintlify",
  imitates: "LAYOUTS.md family 6 (Mintlify)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api, perturbations) {
    const samples = pick<MintlifySamples>(`${api.name} samples`, ["none", "curl-at-top"]);
    return api.operations.map((op, index) => renderMintlifyPage(api, op, index, perturbations, samples));
  },
};
