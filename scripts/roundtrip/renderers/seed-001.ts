// Seed 001's layout (LAYOUTS.md family 1): a docs.stripe.com API reference page dumped as text, one page
// per resource with up to five operations. Per operation: the title, the description, `Parameters` with
// `  • nameTYPE` bullets (`Required` glued on, the description indented below, `Possible enum values`
// then one value per line), the paging parameters under `More parameters` (or `No parameters.`),
// `Returns` and a sentence, the request line `POST\u00a0/v1/x/:id` (a no-break space after the method),
// a curl sample and the `Response` JSON with one key per line, unindented. The page ends with the Stripe
// Shell footer. Child parameters are collapsed (not shown), as in the seed.
//
// Facts it claims: the operation and its path parameters (name, required) at the request line; for each
// listed field its existence, required (the glued `Required`, or its absence) and its type when the type
// word names one JSON type; enum values where it lists them. Not shown: formats, limits, nullable,
// headers, status codes, query parameters of operations with a body, children of objects.
import type { Perturbations, RenderApi, RenderOperation, RenderedPage, Renderer } from "../types.ts";
import { requestLineFacts } from "../facts.ts";
import { enumValues } from "../schema-walk.ts";
import { FOOTER_LINES, PageWriter, apiBaseUrl, fieldName, navigationLines } from "./page-writer.ts";
import { valueText } from "./schema-text.ts";
import { sampleScalarText, sampleValue } from "./sample-json.ts";
import {
  type ListedField,
  listedFields,
  paragraphs,
  resourcePages,
  returnsText,
  sampleId,
  stripeCurlFlag,
  stripeTypeWord,
  titleOf,
} from "./stripe-docs.ts";

/** The seed's test key, as its curl samples show it. */
const SAMPLE_KEY = "sk_test_4eC39Hq...arjtT1zdp7dcsk_test_4eC39HqLyjWDarjtT1zdp7dc:";

/** The footer docs.stripe.com text dumps end with (seed 001). */
const STRIPE_SHELL_FOOTER = [
  "Stripe Shell",
  "Test mode",
  "Welcome to the Stripe Shell! Stripe Shell is a browser-based shell with the Stripe CLI pre-installed. Log in to your Stripe account and press Control + Backtick (`) on your keyboard to start managing your Stripe resources in test mode. - View supported Stripe commands: - Find webhook events: - Listen for webhook events: - Call Stripe APIs: stripe [api resource] [operation] (e.g., )",
  "The Stripe Shell is best experienced on desktop.",
  "$",
];

/** The request line's path: `{session}` written `:session`, as the site writes templates. */
export function colonPath(path: string): string {
  return path.replace(/\{([^{}]*)\}/g, ":$1");
}

/** The field whose value the curl sample sets: `limit` for a list, else the first required, enum or scalar. */
function sampleField(fields: readonly ListedField[]): { name: string; value: string } | undefined {
  const scalar = (f: ListedField) => sampleScalarText(f.schema) !== undefined;
  const limit = fields.find((f) => f.name === "limit");
  if (limit) return { name: "limit", value: "3" };
  const chosen =
    fields.find((f) => f.required && scalar(f)) ??
    fields.find((f) => (enumValues(f.schema)?.length ?? 0) > 0 && scalar(f)) ??
    fields.find(scalar);
  return chosen ? { name: chosen.name, value: sampleScalarText(chosen.schema) ?? "" } : undefined;
}

function curlLines(
  api: RenderApi,
  op: RenderOperation,
  fields: readonly ListedField[],
  listsQuery: boolean,
): string[] {
  const url = apiBaseUrl(api) + op.path.replace(/\{([^{}]*)\}/g, (_, name: string) => sampleId(name));
  const sample = sampleField(fields);
  const flag = stripeCurlFlag(op.method, sample !== undefined, listsQuery);
  const lines = [`curl ${flag}${url} \\`, `-u "${SAMPLE_KEY}"`];
  if (sample) {
    lines[1] += " \\";
    lines.push(`-d ${sample.name}=${sample.value}`);
  }
  return lines;
}

function writeField(w: PageWriter, field: ListedField, perturbations: Perturbations): void {
  const required = field.required ? "Required" : "";
  w.write(`  • ${fieldName(field.name, perturbations)}${stripeTypeWord(field.schema)}${required}`);
  w.place(...field.facts);
  w.write("\n\n");
  for (const p of paragraphs(field.description)) w.write(`    ${p}\n\n`);
  const values = enumValues(field.schema);
  if (values && values.length > 0) {
    w.write("    Possible enum values\n");
    for (const value of values) {
      w.write(`    ${valueText(value)}`);
      if (value === values[values.length - 1]) w.place(...field.enumFacts);
      w.write("\n\n");
    }
  }
}

function writeOperation(
  w: PageWriter,
  api: RenderApi,
  op: RenderOperation,
  perturbations: Perturbations,
): void {
  w.write(`${titleOf(op)}\n\n`);
  for (const p of paragraphs(op.description)) w.write(`${p}\n\n`);
  w.write("Parameters\n\n");
  const { main, more, query } = listedFields(op);
  if (main.length + more.length === 0) w.write("No parameters.\n\n");
  for (const field of main) writeField(w, field, perturbations);
  if (more.length > 0) {
    w.write("More parameters\n\n");
    for (const field of more) writeField(w, field, perturbations);
  }
  w.write(`Returns\n\n${returnsText(op)}\n\n`);
  w.write(`${op.method.toUpperCase()}\u00a0${colonPath(op.path)}`);
  w.place(...requestLineFacts(op));
  w.write("\n");
  for (const line of curlLines(api, op, [...main, ...more], query && main.length + more.length > 0))
    w.line(line);
  const ok = op.responses.find((r) => r.status.startsWith("2") && r.schema);
  if (ok?.schema) {
    w.line("Response");
    const json = JSON.stringify(sampleValue(ok.schema), null, 1) ?? "{}";
    for (const line of json.split("\n")) w.line(line.trimStart());
  }
}

function renderPage(
  api: RenderApi,
  ops: readonly RenderOperation[],
  file: string,
  perturbations: Perturbations,
): RenderedPage {
  const w = new PageWriter();
  if (perturbations.navigationNoise) {
    for (const line of navigationLines(api)) w.line(line);
    w.line();
  }
  ops.forEach((op, i) => {
    if (i > 0) w.line();
    writeOperation(w, api, op, perturbations);
  });
  for (const line of STRIPE_SHELL_FOOTER) w.line(line);
  if (perturbations.navigationNoise) for (const line of FOOTER_LINES) w.line(line);
  return w.page(file);
}

export const seed001: Renderer = {
  name: "seed-001",
  imitates: "seed 001 (LAYOUTS.md family 1, docs.stripe.com text dump)",
  perturbations: ["namesBrokenAtUnderscores", "navigationNoise"],
  render(api: RenderApi, perturbations: Perturbations): RenderedPage[] {
    return resourcePages(api.operations, ".txt").map(({ file, operations }) =>
      renderPage(api, operations, file, perturbations),
    );
  },
};
